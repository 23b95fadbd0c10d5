/*
 * EventFlux SQL (see SQL.md). Keywords are case-insensitive; identifiers keep their case.
 * The package comes from the folder (antlr4-maven-plugin), so there is no @header.
 *
 * Soft keywords (nonReserved) stay usable as names: attributes called first, last, second, value, ...
 */
grammar EventFluxSql;

options { caseInsensitive = true; }

// ---------------------------------------------------------------- script and statements

script
    : SEMI* (statement (SEMI+ statement)* SEMI*)? EOF
    ;

statement
    : annotation* statementBody
    | annotation+
    ;

statementBody
    : createStream
    | createTable
    | createTrigger
    | createAggregation
    | partition
    | updateStatement
    | deleteStatement
    | upsertStatement
    | query
    ;

annotation
    : AT_SIGN annotationName (LPAREN (annotationElement (COMMA annotationElement)*)? RPAREN)?
    ;

annotationName
    : anyWord (COLON anyWord)?
    ;

annotationElement
    : (optionKey EQ)? optionValue
    ;

// ---------------------------------------------------------------- DDL

createStream
    : CREATE STREAM streamName LPAREN columnDef (COMMA columnDef)* RPAREN withOptions?
    ;

createTable
    : CREATE TABLE streamName LPAREN tableElement (COMMA tableElement)* RPAREN withOptions?
    ;

tableElement
    : columnDef
    | PRIMARY KEY LPAREN identifier (COMMA identifier)* RPAREN
    ;

columnDef
    : identifier typeName (PRIMARY KEY)?
    ;

typeName
    : identifier (LPAREN INTEGER_LITERAL (COMMA INTEGER_LITERAL)? RPAREN)?
    ;

withOptions
    : WITH LPAREN option (COMMA option)* RPAREN
    ;

option
    : optionKey EQ optionValue
    ;

optionKey
    : anyWord ((DOT | MINUS) anyWord)*
    | STRING_LITERAL
    | DQ_STRING
    ;

optionValue
    : STRING_LITERAL
    | DQ_STRING
    | MINUS? (INTEGER_LITERAL | LONG_LITERAL | DOUBLE_LITERAL | FLOAT_LITERAL)
    | TRUE
    | FALSE
    | anyWord
    ;

createTrigger
    : CREATE TRIGGER streamName AT triggerSchedule
    ;

triggerSchedule
    : START                 # triggerAtStart
    | EVERY period          # triggerEvery
    | CRON STRING_LITERAL   # triggerCron
    ;

createAggregation
    : CREATE AGGREGATION streamName AS selectQuery
      AGGREGATE (BY identifier)? EVERY granularities withOptions?
    ;

granularities
    : timeUnit ELLIPSIS timeUnit          # granularityRange
    | timeUnit (COMMA timeUnit)*          # granularityList
    ;

// ---------------------------------------------------------------- partitions and table statements

partition
    : PARTITION WITH LPAREN partitionKey (COMMA partitionKey)* RPAREN withOptions?
      BEGIN (statement SEMI+)* statement? END
    ;

partitionKey
    : rangeItem (OR rangeItem)* OF streamName   # rangePartitionKey
    | expression OF streamName                  # valuePartitionKey
    ;

rangeItem
    : expression AS STRING_LITERAL
    ;

updateStatement
    : UPDATE streamName SET assignment (COMMA assignment)* (FROM source)? (WHERE expression)?
    ;

assignment
    : qualifiedName EQ expression
    ;

deleteStatement
    : DELETE FROM streamName (USING source)? (WHERE expression)?
    ;

upsertStatement
    : UPSERT INTO streamName selectQuery ON expression
    ;

// ---------------------------------------------------------------- queries

query
    : insertClause? selectQuery
    ;

insertClause
    : INSERT (eventSelection EVENTS)? INTO streamName
    ;

eventSelection
    : CURRENT
    | EXPIRED
    | ALL
    ;

selectQuery
    : SELECT DISTINCT? selectItem (COMMA selectItem)*
      FROM source
      (WHERE where=expression)?
      (GROUP BY expression (COMMA expression)*)?
      (HAVING having=expression)?
      (ORDER BY orderItem (COMMA orderItem)*)?
      (LIMIT limit=INTEGER_LITERAL)?
      (OFFSET offset=INTEGER_LITERAL)?
      outputRate?
    ;

selectItem
    : STAR                                  # starItem
    | identifier DOT STAR                   # qualifiedStarItem
    | expression (AS alias=identifier)?     # expressionItem
    ;

orderItem
    : expression (ASC | DESC)?
    ;

outputRate
    : OUTPUT outputMode EVERY (INTEGER_LITERAL EVENTS | period)
    ;

outputMode
    : ALL
    | FIRST
    | LAST
    | SNAPSHOT
    ;

// ---------------------------------------------------------------- FROM: streams, windows, joins

source
    : PATTERN LPAREN pattern RPAREN within?        # patternSource
    | SEQUENCE LPAREN pattern RPAREN within?       # sequenceSource
    | streamName (AS alias=identifier)? aggregationWithin  # aggregationSource
    | streamSource joinPart*                       # joinedSource
    | patternSide joinPart+                        # patternJoinSource
    ;

/** A pattern (or sequence) as the first input of a join: each match is an event of that input. */
patternSide
    : (PATTERN | SEQUENCE) LPAREN pattern RPAREN within? AS alias=identifier windowCall? UNIDIRECTIONAL?
    ;

streamSource
    : streamName (AS alias=identifier)? windowCall? UNIDIRECTIONAL?
    | streamName windowCall AS alias=identifier UNIDIRECTIONAL?
    ;

windowCall
    : WINDOW LPAREN STRING_LITERAL (COMMA expression)* RPAREN
    ;

joinPart
    : joinType? JOIN streamSource (ON expression)? aggregationWithin?
    | joinType? JOIN patternSide (ON expression)?      // rejected: a pattern must be the first input
    ;

joinType
    : INNER
    | LEFT OUTER?
    | RIGHT OUTER?
    | FULL OUTER?
    ;

aggregationWithin
    : WITHIN expression (COMMA expression)? PER expression
    ;

within
    : WITHIN (INTEGER_LITERAL EVENTS | period)
    ;

// ---------------------------------------------------------------- patterns and sequences

pattern
    : patternOr (ARROW patternOr)*
    ;

patternOr
    : patternAnd (OR patternAnd)*
    ;

patternAnd
    : patternUnary (AND patternUnary)*
    ;

patternUnary
    : EVERY patternUnary                                              # everyPattern
    | NOT streamName (LBRACKET expression RBRACKET)? (FOR period)?  # absentPattern
    | LPAREN pattern RPAREN                                           # groupPattern
    | (ref=identifier EQ)? streamName (LBRACKET expression RBRACKET)? quantifier?  # streamPattern
    ;

quantifier
    : LBRACE INTEGER_LITERAL RBRACE                                   # exactCount
    | LBRACE INTEGER_LITERAL COMMA INTEGER_LITERAL RBRACE             # rangeCount
    | LBRACE INTEGER_LITERAL COMMA RBRACE                             # atLeastCount
    | PLUS                                                            # oneOrMore
    | STAR                                                            # zeroOrMore
    | QUESTION                                                        # zeroOrOne
    ;

// ---------------------------------------------------------------- expressions (lowest precedence first)

expression
    : orExpr
    ;

/** A condition on its own (the condition string of WINDOW('expression', '...')). */
standaloneExpression
    : expression EOF
    ;

orExpr
    : andExpr (OR andExpr)*
    ;

andExpr
    : notExpr (AND notExpr)*
    ;

notExpr
    : NOT notExpr
    | predicate
    ;

predicate
    : additive comparisonOp additive                                       # comparePredicate
    | additive IS NOT? NULL                                                # isNullPredicate
    | additive NOT? LIKE additive                                          # likePredicate
    | additive NOT? IN LPAREN expression (COMMA expression)* RPAREN        # inPredicate
    | additive NOT? BETWEEN additive AND additive                          # betweenPredicate
    | additive                                                             # plainPredicate
    ;

comparisonOp
    : EQ | EQEQ | NEQ | LTGT | LT | LE | GT | GE
    ;

additive
    : multiplicative ((PLUS | MINUS) multiplicative)*
    ;

multiplicative
    : unary ((STAR | SLASH | PERCENT) unary)*
    ;

unary
    : (MINUS | PLUS) unary
    | primary
    ;

primary
    : duration                                                                  # durationPrimary
    | literal                                                                   # literalPrimary
    | CAST LPAREN expression AS typeName RPAREN                                 # castPrimary
    | CASE operand=expression? whenClause+ (ELSE otherwise=expression)? END     # casePrimary
    | EXTRACT LPAREN anyWord FROM expression RPAREN                             # extractPrimary
    | functionName LPAREN functionArguments? RPAREN                             # functionPrimary
    | identifier LBRACKET eventIndex RBRACKET DOT identifier                    # indexedPrimary
    | qualifiedName                                                             # columnPrimary
    | LPAREN expression RPAREN                                                  # parenPrimary
    ;

whenClause
    : WHEN expression THEN expression
    ;

functionName
    : (library=identifier COLON)? functionIdentifier
    ;

functionIdentifier
    : identifier
    | AND
    | OR
    ;

functionArguments
    : STAR
    | DISTINCT? expression (COMMA expression)*
    ;

eventIndex
    : INTEGER_LITERAL
    | LAST (MINUS INTEGER_LITERAL)?
    ;

qualifiedName
    : identifier (DOT identifier)?
    ;

/** A duration where only a duration can stand: a bare number means milliseconds. */
period
    : duration
    | INTEGER_LITERAL
    ;

duration
    : INTEGER_LITERAL timeUnit
    | INTERVAL STRING_LITERAL timeUnit
    ;

timeUnit
    : MILLISECOND | MILLISECONDS | SECOND | SECONDS | MINUTE | MINUTES | HOUR | HOURS
    | DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS | YEAR | YEARS
    ;

literal
    : INTEGER_LITERAL
    | LONG_LITERAL
    | DOUBLE_LITERAL
    | FLOAT_LITERAL
    | STRING_LITERAL
    | TRUE
    | FALSE
    | NULL
    ;

streamName
    : identifier
    | INNER_STREAM_ID
    ;

identifier
    : ID
    | QUOTED_ID
    | nonReserved
    ;

/**
 * Soft keywords: keywords only where the grammar expects them, names everywhere else (a stream may be
 * called In, an attribute order or end). The grammar never puts two names side by side, which keeps this
 * unambiguous. Reserved: words that start statements or expressions, or join expression parts.
 */
nonReserved
    : ALL | FIRST | LAST | SNAPSHOT | EVENTS | CURRENT | EXPIRED | START | CRON | KEY | EXTRACT
    | GROUP | ORDER | LIMIT | OFFSET | OUTPUT | IN | END | INNER | LEFT | RIGHT | FULL | OUTER
    | UNIDIRECTIONAL | WINDOW | PATTERN | SEQUENCE | WITHIN | STREAM | TABLE | TRIGGER | AGGREGATION
    | AGGREGATE | PARTITION | BEGIN | UPDATE | SET | DELETE | USING | UPSERT | WITH | PRIMARY | ASC | DESC
    | FOR | OF | PER | AT
    | MILLISECOND | MILLISECONDS | SECOND | SECONDS | MINUTE | MINUTES | HOUR | HOURS
    | DAY | DAYS | WEEK | WEEKS | MONTH | MONTHS | YEAR | YEARS
    ;

/** Any word, reserved or not (option keys such as kafka.group.id, annotation names). */
anyWord
    : identifier
    | SELECT | FROM | WHERE | BY | HAVING | INSERT | INTO | AS | AND | OR | NOT | IS | NULL | LIKE
    | BETWEEN | CASE | WHEN | THEN | ELSE | CAST | JOIN | ON | EVERY | CREATE | DISTINCT | TRUE | FALSE
    | INTERVAL
    ;

// ---------------------------------------------------------------- lexer

SELECT: 'SELECT'; FROM: 'FROM'; WHERE: 'WHERE'; GROUP: 'GROUP'; BY: 'BY'; HAVING: 'HAVING';
ORDER: 'ORDER'; LIMIT: 'LIMIT'; OFFSET: 'OFFSET'; OUTPUT: 'OUTPUT'; INSERT: 'INSERT'; INTO: 'INTO';
AS: 'AS'; AND: 'AND'; OR: 'OR'; NOT: 'NOT'; IS: 'IS'; NULL: 'NULL'; LIKE: 'LIKE'; IN: 'IN';
BETWEEN: 'BETWEEN'; CASE: 'CASE'; WHEN: 'WHEN'; THEN: 'THEN'; ELSE: 'ELSE'; END: 'END'; CAST: 'CAST';
JOIN: 'JOIN'; INNER: 'INNER'; LEFT: 'LEFT'; RIGHT: 'RIGHT'; FULL: 'FULL'; OUTER: 'OUTER'; ON: 'ON';
UNIDIRECTIONAL: 'UNIDIRECTIONAL'; WINDOW: 'WINDOW'; PATTERN: 'PATTERN'; SEQUENCE: 'SEQUENCE';
EVERY: 'EVERY'; WITHIN: 'WITHIN'; CREATE: 'CREATE'; STREAM: 'STREAM'; TABLE: 'TABLE';
TRIGGER: 'TRIGGER'; AGGREGATION: 'AGGREGATION'; AGGREGATE: 'AGGREGATE'; PARTITION: 'PARTITION';
BEGIN: 'BEGIN'; UPDATE: 'UPDATE'; SET: 'SET'; DELETE: 'DELETE'; USING: 'USING'; UPSERT: 'UPSERT';
WITH: 'WITH'; PRIMARY: 'PRIMARY'; DISTINCT: 'DISTINCT'; TRUE: 'TRUE'; FALSE: 'FALSE';
INTERVAL: 'INTERVAL'; ASC: 'ASC'; DESC: 'DESC'; FOR: 'FOR'; OF: 'OF'; PER: 'PER'; AT: 'AT';

ALL: 'ALL'; FIRST: 'FIRST'; LAST: 'LAST'; SNAPSHOT: 'SNAPSHOT'; EVENTS: 'EVENTS'; CURRENT: 'CURRENT';
EXPIRED: 'EXPIRED'; START: 'START'; CRON: 'CRON'; KEY: 'KEY'; EXTRACT: 'EXTRACT';
MILLISECOND: 'MILLISECOND'; MILLISECONDS: 'MILLISECONDS'; SECOND: 'SECOND'; SECONDS: 'SECONDS';
MINUTE: 'MINUTE'; MINUTES: 'MINUTES'; HOUR: 'HOUR'; HOURS: 'HOURS'; DAY: 'DAY'; DAYS: 'DAYS';
WEEK: 'WEEK'; WEEKS: 'WEEKS'; MONTH: 'MONTH'; MONTHS: 'MONTHS'; YEAR: 'YEAR'; YEARS: 'YEARS';

ARROW: '->'; ELLIPSIS: '...'; EQEQ: '=='; NEQ: '!='; LTGT: '<>'; LE: '<='; GE: '>='; EQ: '='; LT: '<';
GT: '>'; PLUS: '+'; MINUS: '-'; STAR: '*'; SLASH: '/'; PERCENT: '%'; LPAREN: '('; RPAREN: ')';
LBRACKET: '['; RBRACKET: ']'; LBRACE: '{'; RBRACE: '}'; COMMA: ','; DOT: '.'; SEMI: ';'; COLON: ':';
QUESTION: '?'; AT_SIGN: '@';

LONG_LITERAL: DIGIT+ 'L';
FLOAT_LITERAL: (DIGIT+ ('.' DIGIT+)? | '.' DIGIT+) EXPONENT? 'F';
DOUBLE_LITERAL: (DIGIT+ '.' DIGIT+ | '.' DIGIT+) EXPONENT? 'D'? | DIGIT+ EXPONENT 'D'? | DIGIT+ 'D';
INTEGER_LITERAL: DIGIT+;

STRING_LITERAL: '\'' (~'\'' | '\'\'')* '\'';
DQ_STRING: '"' (~'"' | '""')* '"';
QUOTED_ID: '`' (~'`' | '``')+ '`';
INNER_STREAM_ID: '#' [A-Z_] [A-Z_0-9]*;
ID: [A-Z_] [A-Z_0-9]*;

LINE_COMMENT: '--' ~[\r\n]* -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
WS: [ \t\r\n\f]+ -> skip;

/** Anything else becomes a syntax error at its position instead of a lexer message. */
UNEXPECTED_CHAR: .;

fragment DIGIT: [0-9];
fragment EXPONENT: 'E' [+-]? DIGIT+;
