package dev.triage.knowledge;

/** An article that cannot be loaded; the message names its file and the field that is wrong. */
public final class InvalidArticleException extends KnowledgeException {
    private final String file;
    private final String field;

    public InvalidArticleException(String file, String field, String message) {
        super(file + ": " + field + ": " + message);
        this.file = file;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public String field() {
        return field;
    }
}
