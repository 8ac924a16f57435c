/*
 * Copyright 2026 the crm-salesforce-sync authors.
 */
package com.crmsync.emulator.soql;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.crmsync.emulator.soql.SoqlObject.Relationship;
import com.crmsync.emulator.soql.SoqlSyntax.ParsedSoql;
import io.github.apexdevtools.apexparser.ApexParser.ComparisonOperatorContext;
import io.github.apexdevtools.apexparser.ApexParser.FieldExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.FieldNameContext;
import io.github.apexdevtools.apexparser.ApexParser.FieldOrderContext;
import io.github.apexdevtools.apexparser.ApexParser.FromNameListContext;
import io.github.apexdevtools.apexparser.ApexParser.LimitClauseContext;
import io.github.apexdevtools.apexparser.ApexParser.OffsetClauseContext;
import io.github.apexdevtools.apexparser.ApexParser.QueryContext;
import io.github.apexdevtools.apexparser.ApexParser.SelectEntryContext;
import io.github.apexdevtools.apexparser.ApexParser.SoqlFunctionContext;
import io.github.apexdevtools.apexparser.ApexParser.SoqlIdContext;
import io.github.apexdevtools.apexparser.ApexParser.ValueContext;
import io.github.apexdevtools.apexparser.ApexParser.WhereConditionalExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.WhereFieldExpressionContext;
import io.github.apexdevtools.apexparser.ApexParser.WhereLogicalExpressionContext;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Walks a SOQL parse tree into a {@link SoqlQuery}: resolves the object and every field
 * against the schema and converts the literals, refusing what Salesforce refuses and what
 * this engine does not support.
 */
final class QueryCompiler {

	/** Salesforce's ceiling for {@code OFFSET}. */
	private static final int MAX_OFFSET = 2000;

	private final SoqlSchema schema;

	private final ParsedSoql parsed;

	private final LiteralConverter literals;

	private SoqlObject object;

	/** The object's alias ({@code FROM Contact c}), or {@code null}. */
	private String alias;

	QueryCompiler(SoqlSchema schema, ParsedSoql parsed) {
		this.schema = schema;
		this.parsed = parsed;
		this.literals = new LiteralConverter(parsed);
	}

	SoqlQuery compile() {
		QueryContext query = this.parsed.query();
		rejectUnsupportedClauses(query);
		this.object = object(query.fromNameList());
		List<FieldPath> selected = new ArrayList<>();
		boolean count = selectList(query.selectList().selectEntry(), selected);
		Condition where = (query.whereClause() != null) ? logical(query.whereClause().whereLogicalExpression()) : null;
		List<OrderKey> orderBy = new ArrayList<>();
		if (query.orderByClause() != null) {
			for (FieldOrderContext order : query.orderByClause().fieldOrderList().fieldOrder()) {
				orderBy.add(orderKey(order));
			}
		}
		return new SoqlQuery(this.object, count, List.copyOf(selected), where, List.copyOf(orderBy),
				limit(query.limitClause()), offset(query.offsetClause()));
	}

	private static void rejectUnsupportedClauses(QueryContext query) {
		rejectIfPresent(query.usingScope(), "USING SCOPE");
		rejectIfPresent(query.withClause(), "WITH");
		rejectIfPresent(query.groupByClause(), "GROUP BY");
		rejectIfPresent(query.allRowsClause(), "ALL ROWS");
		rejectIfPresent(query.updateList(), "UPDATE TRACKING");
		if (query.forClauses() != null && query.forClauses().getChildCount() > 0) {
			throw SoqlErrors.unsupported("FOR " + query.forClauses().getChild(1).getText().toUpperCase(Locale.ROOT));
		}
	}

	private static void rejectIfPresent(ParserRuleContext clause, String name) {
		if (clause != null) {
			throw SoqlErrors.unsupported(name);
		}
	}

	private SoqlObject object(FromNameListContext from) {
		if (from.fieldName().size() > 1) {
			throw SoqlErrors.unexpectedToken(",");
		}
		if (!from.soqlId().isEmpty()) {
			this.alias = alias(from.soqlId(0));
		}
		List<SoqlIdContext> parts = from.fieldName(0).soqlId();
		if (parts.size() > 1) {
			throw SoqlErrors.unexpectedToken(".");
		}
		String name = parts.get(0).getText();
		SoqlObject found = this.schema.object(name);
		if (found == null) {
			throw SoqlErrors.unknownObject(name);
		}
		return found;
	}

	private static String alias(SoqlIdContext alias) {
		// the grammar lets keywords be aliases, so "FROM Lead WHERE" would alias Lead as
		// WHERE
		if (alias.id().Identifier() == null) {
			throw SoqlErrors.unexpectedToken(alias.getText());
		}
		return alias.getText();
	}

	/**
	 * Resolves the select list into {@code selected}.
	 * @return {@code true} for {@code SELECT COUNT()}
	 */
	private boolean selectList(List<SelectEntryContext> entries, List<FieldPath> selected) {
		boolean count = false;
		Set<String> seen = new HashSet<>();
		for (SelectEntryContext entry : entries) {
			if (entry.soqlFunction() != null) {
				requireCountWithoutField(entry.soqlFunction());
				count = true;
				continue;
			}
			if (entry.fieldName() == null) {
				throw SoqlErrors.unsupported((entry.typeOf() != null) ? "TYPEOF" : "a relationship subquery");
			}
			if (entry.soqlId() != null) {
				throw SoqlErrors.unexpectedToken(entry.soqlId().getText());
			}
			FieldPath path = fieldPath(entry.fieldName());
			String key = (path.relationship() != null) ? path.relationship().name() + "." + path.field() : path.field();
			if (!seen.add(key.toLowerCase(Locale.ROOT))) {
				throw SoqlErrors.malformed("duplicate field selected: " + key);
			}
			selected.add(path);
		}
		if (count && entries.size() > 1) {
			throw SoqlErrors.malformed("COUNT() must be the only element in the SELECT list");
		}
		return count;
	}

	private static void requireCountWithoutField(SoqlFunctionContext function) {
		if (function.COUNT() == null) {
			throw SoqlErrors
				.unsupported("the function " + function.getStart().getText().toUpperCase(Locale.ROOT) + "()");
		}
		if (function.fieldName() != null) {
			throw SoqlErrors.unsupported("the aggregate COUNT(field)");
		}
	}

	/**
	 * Resolves {@code Field}, {@code Relationship.Field}, {@code Object.Field} or
	 * {@code alias.Field}.
	 */
	private FieldPath fieldPath(FieldNameContext name) {
		List<String> parts = name.soqlId().stream().map(SoqlIdContext::getText).toList();
		if (parts.size() > 1 && this.object.relationship(parts.get(0)) == null && isQualifier(parts.get(0))) {
			// SOQL accepts fields qualified with the queried object's own name or alias
			parts = parts.subList(1, parts.size());
		}
		if (parts.size() == 1) {
			return field(this.object, null, parts.get(0));
		}
		if (parts.size() > 2) {
			throw SoqlErrors.unsupported("a relationship path of more than one level (" + name.getText() + ")");
		}
		Relationship relationship = this.object.relationship(parts.get(0));
		if (relationship == null) {
			throw SoqlErrors.unknownRelationship(parts.get(0));
		}
		return field(relationship.target(), relationship, parts.get(1));
	}

	private boolean isQualifier(String name) {
		return name.equalsIgnoreCase(this.object.name()) || name.equalsIgnoreCase(this.alias);
	}

	private static FieldPath field(SoqlObject owner, Relationship relationship, String fieldName) {
		String canonical = owner.canonicalField(fieldName);
		if (canonical == null) {
			throw SoqlErrors.unknownField(fieldName, owner.name());
		}
		return new FieldPath(relationship, canonical, ValueKind.of(owner.fieldType(canonical)));
	}

	private Condition logical(WhereLogicalExpressionContext expression) {
		List<WhereConditionalExpressionContext> operands = expression.whereConditionalExpression();
		if (expression.NOT() != null) {
			return new Condition.Not(conditional(operands.get(0)));
		}
		if (operands.size() == 1) {
			return conditional(operands.get(0));
		}
		List<Condition> conditions = operands.stream().map(this::conditional).toList();
		// the grammar forbids mixing AND and OR at one level without parentheses
		return expression.SOQLOR().isEmpty() ? new Condition.AllOf(conditions) : new Condition.AnyOf(conditions);
	}

	private Condition conditional(WhereConditionalExpressionContext conditional) {
		if (conditional.whereLogicalExpression() != null) {
			return logical(conditional.whereLogicalExpression());
		}
		return fieldCondition(conditional.whereFieldExpression());
	}

	private Condition fieldCondition(WhereFieldExpressionContext whereField) {
		FieldExpressionContext expression = whereField.fieldExpression();
		if (expression == null) {
			throw SoqlErrors.unsupported("FORMULA()");
		}
		if (expression.soqlFunction() != null) {
			throw SoqlErrors.unsupported("a function in WHERE");
		}
		FieldPath path = fieldPath(expression.fieldName());
		if (path.kind() == ValueKind.UNSUPPORTED) {
			throw SoqlErrors.unsupported("filtering on the field '" + path.field() + "'");
		}
		ComparisonOperatorContext operator = expression.comparisonOperator();
		ValueContext value = expression.value();
		if (operator.LIKE() != null) {
			return like(path, value);
		}
		if (operator.IN() != null) {
			return inList(path, operator.NOT() != null, value);
		}
		if (operator.INCLUDES() != null || operator.EXCLUDES() != null) {
			throw SoqlErrors.unsupported(operator.getText().toUpperCase(Locale.ROOT));
		}
		ComparisonOperator comparison = comparisonOperator(operator);
		if (comparison.isOrdering() && path.kind() == ValueKind.BOOLEAN) {
			throw SoqlErrors.invalidOperator(comparison.symbol(), path.field());
		}
		return new Condition.Comparison(path, comparison, this.literals.convert(value, path));
	}

	private static ComparisonOperator comparisonOperator(ComparisonOperatorContext operator) {
		if (operator.NOTEQUAL() != null || operator.LESSANDGREATER() != null) {
			return ComparisonOperator.NOT_EQUALS;
		}
		boolean orEqual = operator.ASSIGN() != null;
		if (operator.LT() != null) {
			return orEqual ? ComparisonOperator.LESS_OR_EQUAL : ComparisonOperator.LESS_THAN;
		}
		if (operator.GT() != null) {
			return orEqual ? ComparisonOperator.GREATER_OR_EQUAL : ComparisonOperator.GREATER_THAN;
		}
		return ComparisonOperator.EQUALS;
	}

	private Condition like(FieldPath path, ValueContext value) {
		if (path.kind() != ValueKind.TEXT && path.kind() != ValueKind.ID) {
			throw SoqlErrors.invalidOperator("LIKE", path.field());
		}
		TerminalNode pattern = value.StringLiteral();
		if (pattern == null) {
			throw SoqlErrors.wrongValueType(path.field(), ValueKind.TEXT);
		}
		return new Condition.Like(path, LikePattern.compile(this.literals.stringLiteral(pattern)));
	}

	private Condition inList(FieldPath path, boolean negated, ValueContext value) {
		if (value.valueList() == null) {
			if (value.subQuery() != null) {
				throw SoqlErrors.unsupported("a semi-join subquery");
			}
			throw SoqlErrors.unexpectedToken(value.getText());
		}
		List<Object> converted = new ArrayList<>();
		for (ValueContext item : value.valueList().value()) {
			converted.add(this.literals.convert(item, path));
		}
		return new Condition.InList(path, negated, converted);
	}

	private OrderKey orderKey(FieldOrderContext order) {
		if (order.fieldName() == null) {
			throw SoqlErrors.unsupported("a function in ORDER BY");
		}
		FieldPath path = fieldPath(order.fieldName());
		if (path.kind() == ValueKind.UNSUPPORTED) {
			throw SoqlErrors.unsupported("ordering by the field '" + path.field() + "'");
		}
		boolean descending = order.DESC() != null;
		boolean nullsFirst = (order.NULLS() != null) ? order.FIRST() != null : !descending;
		return new OrderKey(path, descending, nullsFirst);
	}

	private static Integer limit(LimitClauseContext limit) {
		if (limit == null) {
			return null;
		}
		if (limit.IntegerLiteral() == null) {
			throw SoqlErrors.unsupported("a bind variable in LIMIT");
		}
		return integer(limit.IntegerLiteral());
	}

	private static int offset(OffsetClauseContext offset) {
		if (offset == null) {
			return 0;
		}
		if (offset.IntegerLiteral() == null) {
			throw SoqlErrors.unsupported("a bind variable in OFFSET");
		}
		int value = integer(offset.IntegerLiteral());
		if (value > MAX_OFFSET) {
			throw new SoqlException(SoqlErrors.NUMBER_OUTSIDE_VALID_RANGE,
					"Maximum SOQL offset allowed is " + MAX_OFFSET);
		}
		return value;
	}

	private static int integer(TerminalNode literal) {
		try {
			return Integer.parseInt(literal.getText());
		}
		catch (NumberFormatException ex) {
			throw SoqlErrors.malformed("the number " + literal.getText() + " is out of range");
		}
	}

}
