package dev.triage.knowledge;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Architecture rules without ArchUnit: the API package never lets internal or Lucene types leak out. */
class ApiBoundaryTest {
    private static final List<Class<?>> API = List.of(KnowledgeBase.class, Article.class, Article.Source.class,
            SearchHit.class, DecodedCode.class, CodeKind.class, CheckReport.class, CheckReport.Problem.class,
            KnowledgeException.class, InvalidArticleException.class);

    @Test
    void publicSignaturesUseOnlyApiAndJdkTypes() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type : API) {
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers())) {
                    Stream.concat(Stream.of(method.getGenericReturnType()),
                                    Arrays.stream(method.getGenericParameterTypes()))
                            .map(java.lang.reflect.Type::getTypeName)
                            .filter(ApiBoundaryTest::isForeign)
                            .forEach(name -> leaks.add(type.getSimpleName() + "." + method.getName() + ": " + name));
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void knowledgeBaseIsFinalWithoutPublicConstructors() {
        assertThat(Modifier.isFinal(KnowledgeBase.class.getModifiers())).isTrue();
        assertThat(KnowledgeBase.class.getConstructors()).isEmpty();
    }

    @Test
    void recordComponentsAreApiOrJdkTypes() {
        List<String> leaks = API.stream().filter(Class::isRecord)
                .flatMap(type -> Arrays.stream(type.getRecordComponents()))
                .map(RecordComponent::getGenericType)
                .map(java.lang.reflect.Type::getTypeName)
                .filter(ApiBoundaryTest::isForeign)
                .toList();

        assertThat(leaks).isEmpty();
    }

    private static boolean isForeign(String typeName) {
        return typeName.contains(".internal.") || typeName.contains("org.apache.lucene")
                || typeName.contains("org.yaml");
    }
}
