package org.broadside.merge;

/** Writes a merged value the way its destination needs; chosen once per template from its mode. */
enum ValueWriter {
    RAW {
        @Override
        void write(String field, String value, StringBuilder out) {
            out.append(value);
        }
    },
    HTML_ESCAPED {
        @Override
        void write(String field, String value, StringBuilder out) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '&': out.append("&amp;"); break;
                    case '<': out.append("&lt;"); break;
                    case '>': out.append("&gt;"); break;
                    case '"': out.append("&quot;"); break;
                    case '\'': out.append("&#39;"); break;
                    default: out.append(c);
                }
            }
        }
    },
    HEADER_CHECKED {
        @Override
        void write(String field, String value, StringBuilder out) {
            String reason = HeaderSafety.problem(value);
            if (reason != null) {
                throw new UnsafeHeaderValueException(field, reason);
            }
            out.append(value);
        }
    };

    abstract void write(String field, String value, StringBuilder out);

    static ValueWriter of(TemplateMode mode) {
        switch (mode) {
            case HTML: return HTML_ESCAPED;
            case HEADER: return HEADER_CHECKED;
            default: return RAW;
        }
    }
}
