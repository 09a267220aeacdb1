package ai.brokle.release.files;

import java.util.ArrayList;
import java.util.List;

/**
 * The elements of an XML document with the position of their text, for edits that change one
 * element's text and nothing else (a DOM would rewrite the whole document). Knows comments,
 * CDATA, processing instructions, a DOCTYPE and quoted attributes; not a validating parser.
 */
final class XmlElements {
    /** An element: its name, parent, children and, for an element without children, where its text is. */
    static final class Element {
        final String name;
        final Element parent;
        private final String source;
        final List<Element> children = new ArrayList<>();
        int textStart = -1;
        int textEnd = -1;

        Element(String name, Element parent, String source) {
            this.name = name;
            this.parent = parent;
            this.source = source;
        }

        /** The element's text without surrounding white space; null for an element with children. */
        String text() {
            return textStart < 0 || textEnd < 0 ? null : source.substring(textStart, textEnd).strip();
        }

        /** Where {@link #text()} starts and ends in the document. */
        int[] trimmedSpan() {
            int start = textStart;
            int end = textEnd;
            while (start < end && Character.isWhitespace(source.charAt(start))) {
                start++;
            }
            while (end > start && Character.isWhitespace(source.charAt(end - 1))) {
                end--;
            }
            return new int[] {start, end};
        }

        Element child(String childName) {
            for (Element c : children) {
                if (c.name.equals(childName)) {
                    return c;
                }
            }
            return null;
        }

        List<Element> children(String childName) {
            return children.stream().filter(c -> c.name.equals(childName)).toList();
        }
    }

    private XmlElements() {
    }

    /** The document's root element; {@link IllegalArgumentException} when the text is not well-formed enough to edit. */
    static Element parse(String text) {
        Element document = new Element("", null, text);
        Element current = document;
        int i = 0;
        int n = text.length();
        while (i < n) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (text.startsWith("<!--", lt)) {
                i = after(text, lt, "-->");
            } else if (text.startsWith("<![CDATA[", lt)) {
                i = after(text, lt, "]]>");
            } else if (text.startsWith("<?", lt)) {
                i = after(text, lt, "?>");
            } else if (text.startsWith("<!", lt)) {
                i = afterDeclaration(text, lt);
            } else if (text.startsWith("</", lt)) {
                int gt = after(text, lt, ">");
                String name = text.substring(lt + 2, gt - 1).strip();
                if (current == document || !current.name.equals(name)) {
                    throw new IllegalArgumentException("unexpected </" + name + "> at offset " + lt);
                }
                if (current.children.isEmpty()) {
                    current.textEnd = lt;
                } else {
                    current.textStart = -1;
                }
                current = current.parent;
                i = gt;
            } else {
                int gt = endOfTag(text, lt);
                boolean empty = text.charAt(gt - 2) == '/';
                int nameEnd = lt + 1;
                while (nameEnd < gt - 1 && !Character.isWhitespace(text.charAt(nameEnd)) && text.charAt(nameEnd) != '/' && text.charAt(nameEnd) != '>') {
                    nameEnd++;
                }
                Element element = new Element(text.substring(lt + 1, nameEnd), current, text);
                current.children.add(element);
                if (!empty) {
                    element.textStart = gt;
                    current = element;
                }
                i = gt;
            }
        }
        if (current != document) {
            throw new IllegalArgumentException("<" + current.name + "> is not closed");
        }
        if (document.children.size() != 1) {
            throw new IllegalArgumentException("the document must have one root element");
        }
        return document.children.get(0);
    }

    private static int after(String text, int from, String end) {
        int at = text.indexOf(end, from);
        if (at < 0) {
            throw new IllegalArgumentException("'" + end + "' missing after offset " + from);
        }
        return at + end.length();
    }

    /** The end of a start tag, past its '>', skipping quoted attribute values. */
    private static int endOfTag(String text, int lt) {
        char quote = 0;
        for (int i = lt + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("tag at offset " + lt + " is not closed");
    }

    /** The end of a DOCTYPE, which may hold an internal subset in brackets. */
    private static int afterDeclaration(String text, int lt) {
        int depth = 0;
        for (int i = lt + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("declaration at offset " + lt + " is not closed");
    }
}
