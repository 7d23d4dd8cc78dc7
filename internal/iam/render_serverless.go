package iam

import (
	"fmt"
	"io"
)

// RenderServerless writes the policies as serverless.yml fragments: an
// iamRoleStatements list per function, the syntax of the
// serverless-iam-roles-per-function plugin. Functions of several manifests
// are written as separate YAML documents.
func RenderServerless(w io.Writer, policies []Policy) error {
	e := &errWriter{w: w}
	e.printf("# Least-privilege IAM statements per function, derived by clad from the AWS SDK\n")
	e.printf("# calls in each function's code. Paste each iamRoleStatements list under the\n")
	e.printf("# function in serverless.yml; per-function roles need the\n")
	e.printf("# serverless-iam-roles-per-function plugin (set iamRoleStatementsInherit: false).\n")
	for i, group := range byManifest(policies) {
		if i > 0 {
			e.printf("---\n")
		}
		if group[0].Manifest != "" {
			e.printf("# %s\n", yamlComment(group[0].Manifest))
		}
		e.printf("functions:\n")
		for _, p := range group {
			serverlessFunction(e, p)
		}
	}
	if e.err != nil {
		return fmt.Errorf("write serverless policies: %w", e.err)
	}
	return nil
}

func serverlessFunction(e *errWriter, p Policy) {
	e.printf("  %s:\n", yamlString(p.Name))
	gapComments(e, "    ", p)
	if len(p.Statements) == 0 {
		e.printf("    iamRoleStatements: []  # no AWS SDK calls found\n")
		return
	}
	e.printf("    iamRoleStatements:\n")
	for _, st := range p.Statements {
		e.printf("      - Effect: Allow\n")
		e.printf("        Action:\n")
		for _, a := range st.Actions {
			e.printf("          - %s%s\n", yamlString(a), evidenceComment(st.Evidence[a]))
		}
		if st.Comment != "" {
			e.printf("        # %s\n", yamlComment(st.Comment))
		}
		e.printf("        Resource:\n")
		for _, r := range st.Resources {
			e.printf("          - %s\n", serverlessResource(r))
		}
	}
}

// serverlessResource writes a resource pattern with CloudFormation
// functions in long form (Serverless does not read !GetAtt everywhere).
func serverlessResource(r string) string {
	form, a, b := resourceForm(r)
	switch form {
	case formGetAtt:
		return fmt.Sprintf("Fn::GetAtt: [%s, %s]", a, b)
	case formRef:
		return "Ref: " + a
	case formSub:
		return "Fn::Sub: " + yamlString(a)
	}
	return yamlString(a)
}
