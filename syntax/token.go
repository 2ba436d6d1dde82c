package syntax

// Kind is the kind of a token. Keywords and operators have their own kinds.
type Kind uint8

// Token kinds.
const (
	EOF Kind = iota // ENDMARKER
	NAME
	NUMBER
	STRING
	NEWLINE
	INDENT
	DEDENT
	TYPE_COMMENT
	ERRORTOKEN

	// operators
	LPAR      // (
	RPAR      // )
	LSQB      // [
	RSQB      // ]
	COLON     // :
	COMMA     // ,
	SEMI      // ;
	PLUS      // +
	MINUS     // -
	STAR      // *
	SLASH     // /
	VBAR      // |
	AMPER     // &
	LESS      // <
	GREATER   // >
	EQUAL     // =
	DOT       // .
	PERCENT   // %
	LBRACE    // {
	RBRACE    // }
	EQEQUAL   // ==
	NOTEQUAL  // !=
	LESSEQUAL // <=
	GREATEREQUAL
	TILDE
	CIRCUMFLEX
	LEFTSHIFT
	RIGHTSHIFT
	DOUBLESTAR
	PLUSEQUAL
	MINEQUAL
	STAREQUAL
	SLASHEQUAL
	PERCENTEQUAL
	AMPEREQUAL
	VBAREQUAL
	CIRCUMFLEXEQUAL
	LEFTSHIFTEQUAL
	RIGHTSHIFTEQUAL
	DOUBLESTAREQUAL
	DOUBLESLASH
	DOUBLESLASHEQUAL
	AT
	ATEQUAL
	RARROW
	ELLIPSIS
	COLONEQUAL
	EXCLAMATION // ! (only inside f-strings)

	// keywords
)

// Keywords, in their own block so that kwFirst..kwLast is a range.
const (
	KW_False Kind = iota + 100
	KW_None
	KW_True
	KW_and
	KW_as
	KW_assert
	KW_async
	KW_await
	KW_break
	KW_class
	KW_continue
	KW_def
	KW_del
	KW_elif
	KW_else
	KW_except
	KW_finally
	KW_for
	KW_from
	KW_global
	KW_if
	KW_import
	KW_in
	KW_is
	KW_lambda
	KW_nonlocal
	KW_not
	KW_or
	KW_pass
	KW_raise
	KW_return
	KW_try
	KW_while
	KW_with
	KW_yield
	kwEnd
)

var keywords = map[string]Kind{
	"False": KW_False, "None": KW_None, "True": KW_True, "and": KW_and, "as": KW_as,
	"assert": KW_assert, "async": KW_async, "await": KW_await, "break": KW_break,
	"class": KW_class, "continue": KW_continue, "def": KW_def, "del": KW_del, "elif": KW_elif,
	"else": KW_else, "except": KW_except, "finally": KW_finally, "for": KW_for, "from": KW_from,
	"global": KW_global, "if": KW_if, "import": KW_import, "in": KW_in, "is": KW_is,
	"lambda": KW_lambda, "nonlocal": KW_nonlocal, "not": KW_not, "or": KW_or, "pass": KW_pass,
	"raise": KW_raise, "return": KW_return, "try": KW_try, "while": KW_while, "with": KW_with,
	"yield": KW_yield,
}

var kindNames = map[Kind]string{
	EOF: "ENDMARKER", NAME: "NAME", NUMBER: "NUMBER", STRING: "STRING", NEWLINE: "NEWLINE",
	INDENT: "INDENT", DEDENT: "DEDENT", TYPE_COMMENT: "TYPE_COMMENT", ERRORTOKEN: "ERRORTOKEN",
}

var opStrings = map[string]Kind{
	"(": LPAR, ")": RPAR, "[": LSQB, "]": RSQB, ":": COLON, ",": COMMA, ";": SEMI, "+": PLUS,
	"-": MINUS, "*": STAR, "/": SLASH, "|": VBAR, "&": AMPER, "<": LESS, ">": GREATER, "=": EQUAL,
	".": DOT, "%": PERCENT, "{": LBRACE, "}": RBRACE, "==": EQEQUAL, "!=": NOTEQUAL,
	"<=": LESSEQUAL, ">=": GREATEREQUAL, "~": TILDE, "^": CIRCUMFLEX, "<<": LEFTSHIFT,
	">>": RIGHTSHIFT, "**": DOUBLESTAR, "+=": PLUSEQUAL, "-=": MINEQUAL, "*=": STAREQUAL,
	"/=": SLASHEQUAL, "%=": PERCENTEQUAL, "&=": AMPEREQUAL, "|=": VBAREQUAL,
	"^=": CIRCUMFLEXEQUAL, "<<=": LEFTSHIFTEQUAL, ">>=": RIGHTSHIFTEQUAL, "**=": DOUBLESTAREQUAL,
	"//": DOUBLESLASH, "//=": DOUBLESLASHEQUAL, "@": AT, "@=": ATEQUAL, "->": RARROW,
	"...": ELLIPSIS, ":=": COLONEQUAL, "!": EXCLAMATION,
}

func init() {
	for s, k := range opStrings {
		kindNames[k] = s
	}
	for s, k := range keywords {
		kindNames[k] = s
	}
}

// String returns the token kind's name (the operator or keyword text for those).
func (k Kind) String() string {
	if s, ok := kindNames[k]; ok {
		return s
	}
	return "?"
}

// IsKeyword reports whether k is a (hard) keyword.
func (k Kind) IsKeyword() bool { return k >= KW_False && k < kwEnd }

// Token flags.
const (
	tokNorm     = 1 << iota // NAME whose NFKC-normalised text differs from the source (tokenizer.norms)
	tokNonASCII             // STRING with a byte >= 0x80 (only those need a UTF-8 check)
)

// Token is one token. Positions are 1-based lines and 0-based UTF-8 byte columns; INDENT,
// DEDENT and ENDMARKER have no column (-1), as in CPython. A token holds no pointers (its text is
// the source between Start and End, see tokenizer.text), so a slice of tokens costs the garbage
// collector nothing to scan and can be reused from one parse to the next.
type Token struct {
	Kind            Kind
	flags           uint8 // tokNorm, tokNonASCII
	Level           int16 // parenthesis nesting level after this token
	Line, Col       int32
	EndLine, EndCol int32
	Start, End      int32 // byte offsets in the (decoded, UTF-8) source
}
