package org.broadside.compose;

import org.broadside.merge.ConditionTags;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns whatever HTML an editor holds (the visual editor's document, pasted Word or Google Docs content, hand-written
 * source) into the e-mail HTML a campaign stores and sends: {@code <!DOCTYPE html>}, a head with the charset and
 * viewport, the user's title and style sheets, and the body's content without editor state or paste junk. Merge
 * syntax survives: condition tags written raw become their escaped form, which the merge language reads alike.
 * Cleaning is idempotent, so it can run on every read of the editor.
 */
public final class EmailHtml {
    private static final Safelist SAFE = EmailSafelist.create();
    /** Dropped with everything inside: active content, and the head's parts that are rebuilt or not for e-mail. */
    private static final Set<String> DROPPED = Set.of("script", "noscript", "style", "meta", "link", "title", "base",
            "xml", "object", "embed", "applet", "iframe", "frame", "frameset", "template", "svg", "select", "option",
            "textarea", "head");
    /** Blocks that start a new line in the source when they follow each other directly in the body. */
    private static final Set<String> BLOCKS = Set.of("p", "div", "table", "h1", "h2", "h3", "h4", "h5", "h6", "ul",
            "ol", "blockquote", "hr", "pre", "center", "section", "header", "footer", "article", "main", "nav", "dl");
    private static final String DOCTYPE = "<!DOCTYPE html>\n";

    private EmailHtml() {}

    /** The cleaned e-mail document; "" for blank input, so an empty body stays empty. */
    public static String clean(String html) {
        if (html == null || html.isBlank()) return "";
        Document dirty = Jsoup.parse(escapeRawConditionTags(html));
        Document out = new Document("");
        out.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        Element root = out.appendElement("html");
        copyRootAttributes(dirty.selectFirst("html"), root);
        root.appendChild(head(dirty));
        root.appendText("\n");
        Element body = root.appendElement("body");
        copySafeAttributes(dirty.body(), body);
        for (Node child : dirty.body().childNodes()) copy(child, body);
        breakBetweenBlocks(body);
        // Nothing after </body>: a parser puts white space found there into the body, and cleaning would grow.
        return DOCTYPE + root.outerHtml() + "\n";
    }

    /** The cleaned body content of pasted HTML (from Word, Google Docs, a web page), to insert into a document. */
    public static String cleanFragment(String html) {
        if (html == null || html.isBlank()) return "";
        Document doc = Jsoup.parse(clean(html));
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        return doc.body().html().strip();
    }

    /** True when the body shows something: text other than white space, or an image. */
    public static boolean hasContent(String html) {
        if (html == null || html.isBlank()) return false;
        Element body = Jsoup.parse(html).body();
        return !body.text().isBlank() || body.selectFirst("img") != null;
    }

    /** The src of every image in the body, in order, as written (local paths, file:, cid:, http...). */
    public static List<String> imageSources(String html) {
        List<String> out = new ArrayList<>();
        if (html == null || html.isBlank()) return out;
        for (Element img : Jsoup.parse(html).select("img[src]")) {
            String src = img.attr("src").strip();
            if (!src.isEmpty() && !out.contains(src)) out.add(src);
        }
        return out;
    }

    /** The cleaned document without the images whose src is exactly src (the attachments list's Remove). */
    public static String withoutImage(String html, String src) {
        if (html == null || html.isBlank()) return "";
        Document doc = Jsoup.parse(escapeRawConditionTags(html));
        doc.select("img").stream().filter(img -> img.attr("src").strip().equals(src)).forEach(Node::remove);
        doc.outputSettings().prettyPrint(false);
        return clean(doc.outerHtml());
    }

    /** To an HTML parser, {@code <IF [[Gender]] = "M">} is an element; escaped it is text, and means the same. */
    static String escapeRawConditionTags(String html) {
        List<ConditionTags.Span> spans = ConditionTags.rawIn(html);
        if (spans.isEmpty()) return html;
        StringBuilder sb = new StringBuilder(html.length() + spans.size() * 8);
        int copied = 0;
        for (ConditionTags.Span s : spans) {
            sb.append(html, copied, s.start());
            for (int i = s.start(); i < s.end(); i++) {
                char c = html.charAt(i);
                sb.append(c == '<' ? "&lt;" : c == '>' ? "&gt;" : String.valueOf(c));
            }
            copied = s.end();
        }
        return sb.append(html, copied, html.length()).toString();
    }

    private static Element head(Document dirty) {
        Element head = new Element("head");
        head.appendText("\n");
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendText("\n");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        String title = dirty.title();
        if (!title.isBlank()) {
            head.appendText("\n");
            head.appendElement("title").text(title);
        }
        for (Node n : dirty.head().childNodes()) {
            if (n instanceof Comment c && EditorJunk.keepComment(c.getData())) {
                head.appendText("\n");
                head.appendChild(new Comment(c.getData()));
            }
        }
        // Style sheets wherever they were: a paste can bring one into the body, where some clients ignore it.
        for (Element style : dirty.select("style")) {
            String css = style.data();
            if (css.isBlank() || EditorJunk.isWordStyleSheet(css)) continue;
            head.appendText("\n");
            head.appendElement("style").appendChild(new DataNode(css));
        }
        head.appendText("\n");
        return head;
    }

    private static void copy(Node node, Element into) {
        if (node instanceof TextNode t) {
            into.appendChild(new TextNode(t.getWholeText()));
        } else if (node instanceof Comment c) {
            if (EditorJunk.keepComment(c.getData())) into.appendChild(new Comment(c.getData()));
        } else if (node instanceof Element e) {
            copyElement(e, into);
        }
    }

    private static void copyElement(Element e, Element into) {
        String tag = e.normalName();
        if (DROPPED.contains(tag)) return;
        // Namespaced Office elements (<o:p>, <w:sdt>...) and unknown tags go, their content stays.
        boolean unwrap = tag.indexOf(':') >= 0 || !SAFE.isSafeTag(tag) || EditorJunk.isGoogleWrapper(e.id());
        if (unwrap) {
            for (Node child : e.childNodes()) copy(child, into);
            return;
        }
        Element copy = new Element(tag);
        copySafeAttributes(e, copy);
        for (Node child : e.childNodes()) copy(child, copy);
        // The visual editor wraps text in spans whose only attribute was its empty font-family.
        if ((tag.equals("span") || tag.equals("font")) && copy.attributes().isEmpty()) {
            for (Node child : new ArrayList<>(copy.childNodes())) into.appendChild(child);
            return;
        }
        into.appendChild(copy);
    }

    private static void copySafeAttributes(Element from, Element to) {
        for (Attribute a : from.attributes()) {
            String key = a.getKey();
            String value = a.getValue();
            if (key.equals("style")) value = EditorJunk.cleanStyle(value);
            else if (key.equals("class")) value = EditorJunk.cleanClass(value);
            else if (key.equals("id") && EditorJunk.isGoogleWrapper(value)) continue;
            if ((key.equals("style") || key.equals("class")) && value.isEmpty()) continue;
            if (SAFE.isSafeAttribute(to.normalName(), from, a)) to.attr(key, value);
        }
    }

    /** The editor's {@code <html dir="ltr">} says nothing (left to right is the default); a user's rtl or lang does. */
    private static void copyRootAttributes(Element from, Element to) {
        if (from == null) return;
        if (from.hasAttr("lang")) to.attr("lang", from.attr("lang"));
        if (from.hasAttr("dir") && !from.attr("dir").equalsIgnoreCase("ltr")) to.attr("dir", from.attr("dir"));
    }

    /** The visual editor writes the whole body on one line; a line break between blocks keeps the source readable. */
    private static void breakBetweenBlocks(Element body) {
        // White space at the ends of the body means nothing, and editors add to it on each trip.
        while (body.childNodeSize() > 0 && body.childNode(0) instanceof TextNode t && t.isBlank()) t.remove();
        while (body.childNodeSize() > 0 && body.childNode(body.childNodeSize() - 1) instanceof TextNode t && t.isBlank()) t.remove();
        for (Element child : new ArrayList<>(body.children())) {
            if (!BLOCKS.contains(child.normalName())) continue;
            Node next = child.nextSibling();
            if (next instanceof TextNode t && !t.getWholeText().isEmpty() && Character.isWhitespace(t.getWholeText().charAt(0))) continue;
            child.after(new TextNode("\n"));
        }
        Node first = body.childNodeSize() == 0 ? null : body.childNode(0);
        if (first != null && !(first instanceof TextNode t && t.getWholeText().startsWith("\n"))) body.prependChild(new TextNode("\n"));
    }
}
