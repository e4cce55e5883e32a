package cn.yjzf.judgment.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a constraint or consequence into tokens for {@link DrlCodeCheck}. Comments are dropped; anything that is not
 * a string, a number, a name or one of a few operators becomes a {@code BAD} token so the check can refuse it (member
 * access, casts, arrays, blocks, lambdas and the like have no place in a rule).
 */
final class CodeTokens {

    enum Kind { STRING, NUMBER, NAME, OP, BAD }

    record Token(Kind kind, String text, int offset) {

        boolean is(String s) {
            return kind != Kind.STRING && text.equals(s);
        }
    }

    private static final List<String> OPERATORS = List.of(
            "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", ",", ":", ";", "+", "-", "*", "/", "%", ".");

    private CodeTokens() {
    }

    static List<Token> of(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (text.startsWith("//", i)) {
                int nl = text.indexOf('\n', i);
                i = nl < 0 ? text.length() : nl;
            } else if (text.startsWith("/*", i)) {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? text.length() : end + 2;
            } else if (c == '"' || c == '\'') {
                int j = i + 1;
                while (j < text.length() && text.charAt(j) != c && text.charAt(j) != '\n') {
                    j += text.charAt(j) == '\\' ? 2 : 1;
                }
                boolean closed = j < text.length() && text.charAt(j) == c;
                tokens.add(new Token(closed ? Kind.STRING : Kind.BAD, text.substring(i, Math.min(j + 1, text.length())), i));
                i = Math.min(j + 1, text.length());
            } else if (Character.isDigit(c)) {
                int j = i;
                while (j < text.length() && (Character.isLetterOrDigit(text.charAt(j)) || text.charAt(j) == '.'
                        || text.charAt(j) == '_')) {
                    j++;
                }
                String number = text.substring(i, j);
                tokens.add(new Token(number.matches("\\d+(\\.\\d+)?[lLdDfFBI]?") ? Kind.NUMBER : Kind.BAD, number, i));
                i = j;
            } else if (Character.isJavaIdentifierStart(c)) {
                int j = i + 1;
                while (j < text.length() && Character.isJavaIdentifierPart(text.charAt(j))) {
                    j++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(i, j), i));
                i = j;
            } else {
                final int at = i;
                String op = OPERATORS.stream().filter(o -> text.startsWith(o, at)).findFirst().orElse(null);
                tokens.add(new Token(op == null ? Kind.BAD : Kind.OP, op == null ? String.valueOf(c) : op, i));
                i += op == null ? 1 : op.length();
            }
        }
        return tokens;
    }
}
