package com.collectiondesk.security.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The only expression language models may use: a JUEL subset of process variables (and the few paths in
 * {@link ExpressionNames}), string, number, boolean and null literals, comparisons, boolean operators,
 * {@code empty} and parentheses. There are no method or function calls, no index access, no arithmetic and
 * no static types, so an expression can read variables but never reach a Java object's methods.
 * <p>
 * This is a tokenizer and a recursive-descent parser, not a pattern: whatever the parser does not know is
 * refused with the offending token.
 */
final class JuelSubset {

    /** One {@code ${…}} or {@code #{…}} of a text: the names it reads, and the name when it is nothing else. */
    record Evaluation(List<String> references, String soleReference) {
    }

    /** A text split into its literal text and its evaluations. */
    record Parsed(List<String> literals, List<Evaluation> evaluations) {

        boolean isOneEvaluation() {
            return evaluations.size() == 1 && literals.stream().allMatch(String::isBlank);
        }
    }

    private static final Set<String> COMPARISONS = Set.of("==", "!=", "<", ">", "<=", ">=", "eq", "ne", "lt", "gt", "le", "ge");
    private static final Map<String, String> REFUSED_KEYWORDS = Map.of(
            "div", "arithmetic ('div') is not allowed", "mod", "arithmetic ('mod') is not allowed",
            "instanceof", "'instanceof' is not allowed");
    private static final Set<String> KEYWORDS = Set.of(
            "and", "or", "not", "eq", "ne", "lt", "gt", "le", "ge", "true", "false", "null", "empty", "div", "mod", "instanceof");

    private JuelSubset() {
    }

    static boolean containsExpression(String text) {
        return text.contains("${") || text.contains("#{");
    }

    /** Every name the text reads must be allowed by {@code names}. */
    static void check(String text, ExpressionNames names) throws NotAllowed {
        for (Evaluation evaluation : parse(text).evaluations()) {
            for (String reference : evaluation.references()) {
                names.checkReference(reference);
            }
        }
    }

    static Parsed parse(String text) throws NotAllowed {
        List<String> literals = new ArrayList<>();
        List<Evaluation> evaluations = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int at = 0;
        while (at < text.length()) {
            char c = text.charAt(at);
            boolean opens = (c == '$' || c == '#') && at + 1 < text.length() && text.charAt(at + 1) == '{';
            if (c == '\\' && at + 1 < text.length() && (text.charAt(at + 1) == '$' || text.charAt(at + 1) == '#')) {
                throw new NotAllowed("an escaped '\\" + text.charAt(at + 1) + "' is not allowed");
            }
            if (opens) {
                literals.add(literal.toString());
                literal.setLength(0);
                Parser parser = new Parser(text, at + 2);
                evaluations.add(parser.evaluation());
                at = parser.end;
            } else {
                literal.append(c);
                at++;
            }
        }
        literals.add(literal.toString());
        return new Parsed(literals, evaluations);
    }

    private enum Kind { STRING, NUMBER, IDENT, KEYWORD, OPERATOR, OPEN, CLOSE, DOT, END }

    private record Token(Kind kind, String text) {

        boolean is(String operatorOrKeyword) {
            return (kind == Kind.OPERATOR || kind == Kind.KEYWORD) && text.equals(operatorOrKeyword);
        }
    }

    /** Parses one expression from just after its {@code ${} up to and including its closing brace. */
    private static final class Parser {

        private final String text;
        private int at;
        private Token peeked;
        private final List<String> references = new ArrayList<>();
        int end;

        Parser(String text, int start) {
            this.text = text;
            this.at = start;
        }

        Evaluation evaluation() throws NotAllowed {
            String sole = or();
            Token last = next();
            if (last.kind() != Kind.END) {
                throw unexpected(last);
            }
            end = at;
            return new Evaluation(List.copyOf(references), sole);
        }

        /** Each level returns the reference it consists of, or null when it is more than one name. */
        private String or() throws NotAllowed {
            String sole = and();
            while (peek().is("||") || peek().is("or")) {
                next();
                and();
                sole = null;
            }
            return sole;
        }

        private String and() throws NotAllowed {
            String sole = comparison();
            while (peek().is("&&") || peek().is("and")) {
                next();
                comparison();
                sole = null;
            }
            return sole;
        }

        private String comparison() throws NotAllowed {
            String sole = unary();
            while ((peek().kind() == Kind.OPERATOR || peek().kind() == Kind.KEYWORD) && COMPARISONS.contains(peek().text())) {
                next();
                unary();
                sole = null;
            }
            return sole;
        }

        private String unary() throws NotAllowed {
            Token token = peek();
            if (token.is("!") || token.is("not") || token.is("empty")) {
                next();
                unary();
                return null;
            }
            if (token.is("-")) {
                next();
                if (next().kind() != Kind.NUMBER) {
                    throw new NotAllowed("arithmetic ('-') is not allowed");
                }
                return null;
            }
            return primary();
        }

        private String primary() throws NotAllowed {
            Token token = next();
            String sole = null;
            switch (token.kind()) {
                case STRING, NUMBER -> { }
                case KEYWORD -> {
                    if (!Set.of("true", "false", "null").contains(token.text())) {
                        throw unexpected(token);
                    }
                }
                case OPEN -> {
                    or();
                    if (next().kind() != Kind.CLOSE) {
                        throw new NotAllowed("a '(' is not closed");
                    }
                }
                case IDENT -> sole = path(token.text());
                case END -> throw new NotAllowed("the expression is empty or incomplete");
                default -> throw unexpected(token);
            }
            String shown = token.kind() == Kind.OPEN ? "(…)" : token.text();
            Token after = peek();
            if (after.kind() == Kind.OPEN) {
                throw new NotAllowed("method and function calls ('" + shown + "(') are not allowed");
            }
            if (after.kind() == Kind.DOT) {
                next();
                throw new NotAllowed("property access on '" + shown + "' ('." + next().text() + "') is not allowed");
            }
            return sole;
        }

        private static NotAllowed unexpected(Token token) {
            return new NotAllowed(REFUSED_KEYWORDS.getOrDefault(token.text(), "'" + token.text() + "' is not allowed here"));
        }

        private String path(String first) throws NotAllowed {
            StringBuilder path = new StringBuilder(first);
            while (peek().kind() == Kind.DOT) {
                next();
                Token property = next();
                if (property.kind() != Kind.IDENT) {
                    throw new NotAllowed("'" + path + "." + property.text() + "' is not allowed");
                }
                if (peek().kind() == Kind.OPEN) {
                    throw new NotAllowed("method calls ('" + path + "." + property.text() + "(') are not allowed");
                }
                path.append('.').append(property.text());
            }
            references.add(path.toString());
            return path.toString();
        }

        private Token peek() throws NotAllowed {
            if (peeked == null) {
                peeked = lex();
            }
            return peeked;
        }

        private Token next() throws NotAllowed {
            Token token = peek();
            peeked = null;
            return token;
        }

        private Token lex() throws NotAllowed {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                throw new NotAllowed("the expression is not closed with '}'");
            }
            char c = text.charAt(at);
            if (c == '}') {
                at++;
                return new Token(Kind.END, "}");
            }
            if (c == '\'' || c == '"') {
                int start = at;
                string(c);
                return new Token(Kind.STRING, text.substring(start, at));
            }
            if (Character.isDigit(c) || c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1))) {
                return new Token(Kind.NUMBER, number());
            }
            if (Character.isJavaIdentifierStart(c)) {
                int start = at;
                while (at < text.length() && Character.isJavaIdentifierPart(text.charAt(at))) {
                    at++;
                }
                String word = text.substring(start, at);
                return new Token(KEYWORDS.contains(word) ? Kind.KEYWORD : Kind.IDENT, word);
            }
            String two = at + 1 < text.length() ? text.substring(at, at + 2) : "";
            if (Set.of("==", "!=", "<=", ">=", "&&", "||").contains(two)) {
                at += 2;
                return new Token(Kind.OPERATOR, two);
            }
            at++;
            return switch (c) {
                case '<', '>', '!', '-' -> new Token(Kind.OPERATOR, String.valueOf(c));
                case '(' -> new Token(Kind.OPEN, "(");
                case ')' -> new Token(Kind.CLOSE, ")");
                case '.' -> new Token(Kind.DOT, ".");
                case '[' -> throw new NotAllowed("index access ('[') is not allowed");
                case '+', '*', '/', '%' -> throw new NotAllowed("arithmetic ('" + c + "') is not allowed");
                case '?' -> throw new NotAllowed("the conditional operator ('?') is not allowed");
                case ':' -> throw new NotAllowed("functions (':') are not allowed");
                case '=' -> throw new NotAllowed("assignment ('=') is not allowed");
                default -> throw new NotAllowed("'" + c + "' is not allowed");
            };
        }

        /** Skips a string literal; only the quotes and the backslash may be escaped, as in JUEL. */
        private void string(char quote) throws NotAllowed {
            at++;
            while (at < text.length()) {
                char c = text.charAt(at++);
                if (c == quote) {
                    return;
                }
                if (c == '\\') {
                    char escaped = at < text.length() ? text.charAt(at++) : ' ';
                    if (escaped != '\\' && escaped != '\'' && escaped != '"') {
                        throw new NotAllowed("the escape '\\" + escaped + "' is not allowed in a string");
                    }
                }
            }
            throw new NotAllowed("a string is not closed");
        }

        private String number() {
            int start = at;
            while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
                at++;
            }
            if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
                at++;
                if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) {
                    at++;
                }
                while (at < text.length() && Character.isDigit(text.charAt(at))) {
                    at++;
                }
            }
            return text.substring(start, at);
        }
    }
}
