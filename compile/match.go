package compile

import "gopyc/ast"

func (c *compiler) match(s *ast.Match) {
	c.error("match statements are not supported yet")
}
