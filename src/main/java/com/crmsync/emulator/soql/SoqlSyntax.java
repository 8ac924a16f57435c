/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import io.github.apexdevtools.apexparser.ApexLexer;
import io.github.apexdevtools.apexparser.ApexParser;
import io.github.apexdevtools.apexparser.ApexParser.QueryContext;
import org.antlr.v4.runtime.ANTLRErrorListener;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses a query with Salesforce's SOQL grammar (apex-parser's {@code query} rule) into
 * its parse tree. Syntax errors become {@code MALFORMED_QUERY}; nothing is printed.
 */
final class SoqlSyntax {

	private SoqlSyntax() {
	}

	/**
	 * Parses a whole query.
	 * @param soql the query text
	 * @return the parse tree with the original text
	 * @throws SoqlException {@code MALFORMED_QUERY} when the text is not one SOQL query
	 */
	static ParsedSoql parse(String soql) {
		String masked = maskLikeEscapes(soql);
		ApexParser parser = parser(masked, true);
		QueryContext query;
		try {
			query = parser.query();
		}
		catch (ParseCancellationException ex) {
			// SLL could not parse it: full LL parses it, or reports the error, as ever
			parser = parser(masked, false);
			query = parser.query();
		}
		Token next = parser.getCurrentToken();
		if (next.getType() != Token.EOF) {
			throw SoqlErrors.unexpectedToken(next.getText());
		}
		return new ParsedSoql(query, CharStreams.fromString(soql));
	}

	/**
	 * A parser of the text. The fast one predicts with SLL only and gives up on the first
	 * error: ANTLR guarantees that what it parses, it parses as full LL would, and it
	 * parses an {@code IN} list of 2,000 ids some fifty times faster. The other one turns
	 * the first error into a {@link SoqlException}.
	 */
	private static ApexParser parser(String text, boolean fast) {
		ANTLRErrorListener errors = fast ? new BailingErrorListener() : new ThrowingErrorListener();
		ApexLexer lexer = new ApexLexer(CharStreams.fromString(text));
		lexer.removeErrorListeners();
		lexer.addErrorListener(errors);
		ApexParser parser = new ApexParser(new CommonTokenStream(lexer));
		parser.removeErrorListeners();
		parser.addErrorListener(errors);
		if (fast) {
			parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
			parser.setErrorHandler(new BailErrorStrategy());
		}
		return parser;
	}

	/**
	 * A parse tree and the text it was parsed from.
	 *
	 * @param query the tree of the {@code query} rule
	 * @param original the query as written; its indexes match the tokens' (both count
	 * code points), and unlike the parsed text it keeps {@code \%} and {@code \_}
	 */
	record ParsedSoql(QueryContext query, CharStream original) {

		/**
		 * The text of a token as the query wrote it.
		 * @param token a token of {@link #query()}
		 * @return its text
		 */
		String originalText(Token token) {
			return this.original.getText(Interval.of(token.getStartIndex(), token.getStopIndex()));
		}

	}

	/**
	 * Hides SOQL's LIKE escapes {@code \%} and {@code \_}, which the Apex lexer does not
	 * know, behind the escape {@code \\} of the same length. Token offsets stay valid, so
	 * string values are later read from the original text, where the escapes survive.
	 */
	static String maskLikeEscapes(String soql) {
		char[] chars = soql.toCharArray();
		boolean inString = false;
		for (int i = 0; i < chars.length; i++) {
			char c = chars[i];
			if (!inString) {
				inString = (c == '\'');
			}
			else if (c == '\\' && i + 1 < chars.length) {
				if (chars[i + 1] == '%' || chars[i + 1] == '_') {
					chars[i + 1] = '\\';
				}
				i++;
			}
			else if (c == '\'') {
				inString = false;
			}
		}
		return new String(chars);
	}

	/**
	 * Abandons the fast parse at the first lexer or parser error, so that the full parse
	 * reports it.
	 */
	private static final class BailingErrorListener extends BaseErrorListener {

		@Override
		public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
				String message, RecognitionException exception) {
			throw new ParseCancellationException(message);
		}

	}

	/**
	 * Turns the first lexer or parser error into a {@link SoqlException}, replacing
	 * ANTLR's console listeners.
	 */
	private static final class ThrowingErrorListener extends BaseErrorListener {

		private static final String LEXER_PREFIX = "token recognition error at: ";

		@Override
		public void syntaxError(Recognizer<?, ?> recognizer, Object offendingSymbol, int line, int column,
				String message, RecognitionException exception) {
			if (offendingSymbol instanceof Token token) {
				throw SoqlErrors.unexpectedToken((token.getType() == Token.EOF) ? "<EOF>" : token.getText());
			}
			if (message != null && message.startsWith(LEXER_PREFIX)) {
				String text = message.substring(LEXER_PREFIX.length());
				throw SoqlErrors.unexpectedToken(text.replaceAll("^'|'$", ""));
			}
			throw SoqlErrors.malformed("line " + line + ":" + column + " " + message);
		}

	}

}
