package serverless

import (
	"testing"

	"github.com/cladsec/clad/internal/cfgtree"
)

func TestRender(t *testing.T) {
	rd := renderer{
		unresolved: func(n *cfgtree.Node) bool { return n.Value == "${ssm:/x}" },
		params:     map[string]bool{"Env": true},
		pseudo:     map[string]string{"AWS::Partition": "aws", "AWS::Region": "eu-west-1"},
	}
	cases := []struct {
		name, src, want string
		c               certainty
	}{
		{"plain", "v: text", "text", literalValue},
		{"list", "v: [a, b]", "a, b", literalValue},
		{"map", "v: {a: 1, b: [x, y]}", "{a: 1, b: [x, y]}", literalValue},
		{"symbolic variable", "v: ${ssm:/x}", "${ssm:/x}", unknownValue},
		{"getatt list", "v: {Fn::GetAtt: [Table, Arn]}", "GetAtt(Table.Arn)", symbolicValue},
		{"getatt tag", "v: !GetAtt Table.Arn", "GetAtt(Table.Arn)", symbolicValue},
		{"getatt other attribute", "v: !GetAtt Table.StreamArn", "GetAtt(Table.StreamArn)", symbolicValue},
		{"ref resource", "v: {Ref: Bucket}", "Ref(Bucket)", symbolicValue},
		{"ref tag", "v: !Ref Bucket", "Ref(Bucket)", symbolicValue},
		{"ref known pseudo", "v: !Ref AWS::Region", "eu-west-1", literalValue},
		{"ref other pseudo", "v: !Ref AWS::AccountId", "${AWS::AccountId}", symbolicValue},
		{"ref parameter", "v: !Ref Env", "${Env}", unknownValue},
		{"join literal", "v: {Fn::Join: [':', [a, b]]}", "a:b", literalValue},
		{"join with ref", `v: {Fn::Join: ['', ['arn:aws:s3:::', {Ref: B}, '/*']]}`, "arn:aws:s3:::Ref(B)/*", symbolicValue},
		{"join tag", "v: !Join ['-', [a, !Ref AWS::Region]]", "a-eu-west-1", literalValue},
		{"join malformed", "v: {Fn::Join: x}", "Join(x)", unknownValue},
		{"sub", "v: !Sub 'arn:${AWS::Partition}:s3:::${Bucket}/${Table.Arn}'", "arn:aws:s3:::Ref(Bucket)/GetAtt(Table.Arn)", symbolicValue},
		{"sub vars", "v: {Fn::Sub: ['${A}-${AWS::AccountId}', {A: x}]}", "x-${AWS::AccountId}", symbolicValue},
		{"sub literal escape", "v: !Sub '${!Name}'", "${Name}", literalValue},
		{"sub parameter", "v: !Sub '${Env}-x'", "${Env}-x", unknownValue},
		{"sub unclosed", "v: !Sub 'a${b'", "a${b", literalValue},
		{"import", "v: {Fn::ImportValue: shared-Arn}", "ImportValue(shared-Arn)", unknownValue},
		{"if", "v: !If [Cond, a, b]", "If(Cond, a, b)", unknownValue},
		{"nested", "v: !Join ['', [!Sub '${A}', !GetAtt [T, Arn]]]", "Ref(A)GetAtt(T.Arn)", symbolicValue},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, err := cfgtree.Parse([]byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			got, cert := rd.render(n.Get("v"))
			if got != c.want || cert != c.c {
				t.Errorf("render = %q (%d), want %q (%d)", got, cert, c.want, c.c)
			}
		})
	}
}

func TestRenderBoundsDepth(t *testing.T) {
	src := "v: "
	for i := 0; i < 40; i++ {
		src += "{Fn::Base64: "
	}
	src += "x"
	for i := 0; i < 40; i++ {
		src += "}"
	}
	n, err := cfgtree.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	rd := renderer{unresolved: func(*cfgtree.Node) bool { return false }}
	if _, c := rd.render(n.Get("v")); c != unknownValue {
		t.Errorf("certainty = %d, want unknown", c)
	}
}
