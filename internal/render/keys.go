package render

import (
	"html/template"
	"strconv"
	"strings"
	"text/template/parse"

	"atlas/internal/srcpos"
)

// KeyUse is a message key that a template names, where it names it.
type KeyUse struct {
	// Pattern is the key, or a prefix ending in "*" for a key the template
	// composes: {{t (print "kind." .Kind)}} names "kind.*".
	Pattern string
	Pos     srcpos.Position // templates/case.html:12:7
}

// scanKeys collects the keys of every call of t in the templates of tmpl
// (the shared ones and one page's), so that the build can check them
// against the string tables without executing a page: a key that the
// table lacks, and a key of the table that no template names, are errors
// before any page is built. The key must be written as a literal string,
// or as (print "prefix." ...) for keys that follow a value, so that the
// scan sees it; anything else is reported.
func scanKeys(tmpl *template.Template, seen map[string]bool, uses *[]KeyUse, errs *srcpos.List) {
	for _, t := range tmpl.Templates() {
		if t.Tree == nil || t.Tree.Root == nil {
			continue
		}
		tree := t.Tree
		walk(tree.Root, func(c *parse.CommandNode) {
			if len(c.Args) == 0 {
				return
			}
			id, ok := c.Args[0].(*parse.IdentifierNode)
			if !ok || id.Ident != "t" {
				return
			}
			loc, _ := tree.ErrorContext(c)
			pos := position(loc)
			if seen[loc] {
				return // a shared template, scanned with an earlier page
			}
			seen[loc] = true
			pattern, ok := keyPattern(c.Args[1:])
			if !ok {
				errs.Add(pos, "t", "the key must be a literal string, or (print \"prefix.\" ...) (so that the build can check every key)")
				return
			}
			*uses = append(*uses, KeyUse{Pattern: pattern, Pos: pos})
		})
	}
}

// position parses the "name:line:col" of parse.Tree.ErrorContext.
func position(loc string) srcpos.Position {
	p := srcpos.Position{File: loc}
	i := strings.LastIndexByte(loc, ':')
	j := strings.LastIndexByte(loc[:max(i, 0)], ':')
	if j < 0 {
		return p
	}
	line, err1 := strconv.Atoi(loc[j+1 : i])
	col, err2 := strconv.Atoi(loc[i+1:])
	if err1 != nil || err2 != nil {
		return p
	}
	return srcpos.Position{File: loc[:j], Line: line, Col: col + 1} // ErrorContext counts columns from 0
}

// keyPattern returns the key that the arguments of t start with.
func keyPattern(args []parse.Node) (string, bool) {
	if len(args) == 0 {
		return "", false
	}
	switch n := args[0].(type) {
	case *parse.StringNode:
		return n.Text, true
	case *parse.PipeNode:
		if len(n.Cmds) != 1 || len(n.Cmds[0].Args) < 2 {
			return "", false
		}
		cmd := n.Cmds[0].Args
		id, ok := cmd[0].(*parse.IdentifierNode)
		if !ok || id.Ident != "print" {
			return "", false
		}
		if s, ok := cmd[1].(*parse.StringNode); ok && s.Text != "" {
			return s.Text + "*", true
		}
	}
	return "", false
}

// walk calls f for every command of the tree under n.
func walk(n parse.Node, f func(*parse.CommandNode)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walk(c, f)
		}
	case *parse.ActionNode:
		walk(n.Pipe, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walk(c, f)
		}
	case *parse.CommandNode:
		f(n)
		for _, a := range n.Args {
			walk(a, f)
		}
	case *parse.IfNode:
		walkBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, f)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		walk(n.Pipe, f)
	}
}

func walkBranch(b *parse.BranchNode, f func(*parse.CommandNode)) {
	walk(b.Pipe, f)
	walk(b.List, f)
	walk(b.ElseList, f)
}

// CheckKeys reports, at the template that names it, every key that has
// returns false for (a key missing from the string tables).
func (r *Renderer) CheckKeys(has func(pattern string) bool) error {
	var errs srcpos.List
	for _, u := range r.Keys {
		if !has(u.Pattern) {
			errs.Add(u.Pos, "t", "no message %q in the string tables (add it to every language's file in templates/messages/)", u.Pattern)
		}
	}
	return errs.Err()
}
