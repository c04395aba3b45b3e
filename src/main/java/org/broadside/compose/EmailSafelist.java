package org.broadside.compose;

import org.jsoup.safety.Safelist;

/**
 * The elements and attributes an e-mail body keeps: text formatting, tables with their layout attributes, images,
 * links and inline styles. No protocol rule on href or src: a link may be a merge field ({@code [Unsubscribe]}) and
 * an image a local file or {@code cid:}, and the body is the user's own, so there is nobody to guard against.
 */
final class EmailSafelist {
    private EmailSafelist() {}

    static Safelist create() {
        return new Safelist()
                .addTags("a", "abbr", "address", "article", "b", "big", "blockquote", "br", "caption", "center", "cite",
                        "code", "col", "colgroup", "dd", "del", "dfn", "div", "dl", "dt", "em", "figcaption", "figure",
                        "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "i", "img", "ins", "kbd",
                        "li", "main", "mark", "nav", "ol", "p", "pre", "q", "s", "samp", "section", "small", "span",
                        "strike", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "tt",
                        "u", "ul", "var", "wbr")
                .addAttributes(":all", "style", "class", "id", "dir", "lang", "title", "align", "valign", "width",
                        "height", "bgcolor", "background")
                .addAttributes("a", "href", "name", "target", "rel")
                .addAttributes("img", "src", "alt", "border", "hspace", "vspace")
                .addAttributes("table", "border", "cellpadding", "cellspacing", "summary", "role")
                .addAttributes("td", "colspan", "rowspan", "nowrap", "scope", "abbr")
                .addAttributes("th", "colspan", "rowspan", "nowrap", "scope", "abbr")
                .addAttributes("col", "span")
                .addAttributes("colgroup", "span")
                .addAttributes("font", "color", "face", "size")
                .addAttributes("ol", "start", "type", "reversed")
                .addAttributes("ul", "type")
                .addAttributes("li", "value")
                .addAttributes("blockquote", "cite")
                .addAttributes("q", "cite")
                .addAttributes("hr", "size", "noshade", "color");
    }
}
