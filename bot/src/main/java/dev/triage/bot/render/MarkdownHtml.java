package dev.triage.bot.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Markdown (a fix step, an article excerpt) to an HTML fragment that is safe to put into any page or JSON for a
 * browser: raw HTML in the source is shown as text, never passed through; a link keeps its {@code href} only when the
 * scheme is http, https or mailto, anything else ({@code javascript:}, {@code data:}, relative paths) becomes its
 * plain text; an image never loads: it becomes a link to the image (or just its alt text). Bidi and control characters
 * are made visible as {@link Untrusted#visible} does. Safe for concurrent use.
 */
public final class MarkdownHtml {
    private static final Set<String> SCHEMES = Set.of("http", "https", "mailto");
    // A page showing our fixes should not vouch for, leak its URL to, or hand a window handle to the linked site.
    private static final String REL = "nofollow noopener noreferrer";

    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer = HtmlRenderer.builder()
            .escapeHtml(true)
            .nodeRendererFactory(SafeLinks::new)
            .build();

    /** The HTML fragment for {@code markdown}; a single paragraph keeps its {@code <p>}. */
    public String render(String markdown) {
        return renderer.render(parser.parse(Untrusted.visible(markdown)));
    }

    /** Whether a link destination may become an {@code href}: it names one of the allowed schemes. */
    static boolean allowed(String destination) {
        int colon = destination.indexOf(':');
        if (colon <= 0) {
            return false;
        }
        String scheme = destination.substring(0, colon).toLowerCase(Locale.ROOT);
        return scheme.chars().allMatch(ch -> ch >= 'a' && ch <= 'z') && SCHEMES.contains(scheme);
    }

    /** Renders links and images in place of commonmark's own renderer, which would emit any scheme and load images. */
    private static final class SafeLinks implements NodeRenderer {
        private final HtmlNodeRendererContext context;
        private final HtmlWriter html;

        SafeLinks(HtmlNodeRendererContext context) {
            this.context = context;
            this.html = context.getWriter();
        }

        @Override
        public Set<Class<? extends Node>> getNodeTypes() {
            return Set.of(Link.class, Image.class);
        }

        @Override
        public void render(Node node) {
            if (node instanceof Link link) {
                link(link);
            } else if (node instanceof Image image) {
                image(image);
            }
        }

        private void link(Link link) {
            boolean safe = allowed(link.getDestination());
            if (safe) {
                html.tag("a", attributes(link.getDestination(), link.getTitle()));
            }
            for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
                context.render(child);
            }
            if (safe) {
                html.tag("/a");
            }
        }

        /** The alt text, as a link to the image when its address is allowed; never an {@code <img>}. */
        private void image(Image image) {
            String alt = altText(image);
            String label = alt.isBlank() ? image.getDestination() : alt;
            if (allowed(image.getDestination())) {
                html.tag("a", attributes(image.getDestination(), image.getTitle()));
                html.text(label);
                html.tag("/a");
            } else {
                html.text(alt);
            }
        }

        private Map<String, String> attributes(String destination, String title) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("href", context.encodeUrl(destination));
            if (title != null && !title.isEmpty()) {
                attributes.put("title", title);
            }
            attributes.put("rel", REL);
            return attributes;
        }

        private static String altText(Image image) {
            StringBuilder alt = new StringBuilder();
            image.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    alt.append(text.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    alt.append(code.getLiteral());
                }
            });
            return alt.toString();
        }
    }
}
