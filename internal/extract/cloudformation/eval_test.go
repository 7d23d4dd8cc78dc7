package cloudformation

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/cladsec/clad/internal/cfgtree"
	"github.com/cladsec/clad/internal/extract"
)

const evalTemplate = `
Parameters:
  Stage: {Type: String, Default: dev}
  NoDefault: {Type: String}
  Secret: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /app/secret}
  Zones: {Type: CommaDelimitedList, Default: "a, b, c"}
  Ids: {Type: 'List<AWS::EC2::Subnet::Id>', Default: "subnet-1,subnet-2"}
Mappings:
  Env:
    dev: {Size: 128, Zones: [x, y]}
    prod: {Size: 1024}
Conditions:
  IsProd: !Equals [!Ref Stage, prod]
  IsDev: !Not [!Condition IsProd]
  Unknown: !Equals [!Ref NoDefault, yes]
  DevOrUnknown: !Or [!Condition IsDev, !Condition Unknown]
  ProdAndUnknown: !And [!Condition IsProd, !Condition Unknown]
  DevAndUnknown: {"Fn::And": [{"Condition": "IsDev"}, {"Condition": "Unknown"}]}
  Loop: !Not [!Condition Loop]
Resources:
  Bucket: {Type: 'AWS::S3::Bucket'}
  Fn: {Type: 'AWS::Lambda::Function'}
`

// got is the part of a Value the table compares.
type got struct {
	Text     string
	Resolved bool
	Unknown  bool
	Ref      string
	IsList   bool
	NoValue  bool
}

func project(v Value) got {
	return got{Text: v.Text, Resolved: v.Resolved, Unknown: v.Unknown, Ref: v.Ref, IsList: v.IsList, NoValue: v.NoValue}
}

func mustParse(t testing.TB, src string) *cfgtree.Node {
	t.Helper()
	n, err := cfgtree.Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestEval(t *testing.T) {
	root := mustParse(t, evalTemplate)
	prod := extract.Vars{Region: "eu-west-1", Params: map[string]string{"Stage": "prod", "NoDefault": "given"}}
	lit := func(s string) got { return got{Text: s, Resolved: true} }
	cases := []struct {
		name string
		expr string
		vars extract.Vars
		want got
	}{
		{"plain", `hello`, extract.Vars{}, lit("hello")},
		{"dynamic reference", `"{{resolve:ssm:/db}}"`, extract.Vars{}, got{Text: "{{resolve:ssm:/db}}", Unknown: true}},
		{"ref default", `!Ref Stage`, extract.Vars{}, lit("dev")},
		{"ref long form", `{Ref: Stage}`, extract.Vars{}, lit("dev")},
		{"ref --param wins", `!Ref Stage`, prod, lit("prod")},
		{"ref no default", `!Ref NoDefault`, extract.Vars{}, got{Text: "Ref(NoDefault)", Unknown: true}},
		{"ref no default given", `!Ref NoDefault`, prod, lit("given")},
		{"ref ssm parameter", `!Ref Secret`, extract.Vars{}, got{Text: "Ref(Secret)", Unknown: true}},
		{"ref list parameter", `!Ref Zones`, extract.Vars{}, got{Text: "a,b,c", Resolved: true, IsList: true}},
		{"ref resource", `!Ref Bucket`, extract.Vars{}, got{Text: "Ref(Bucket)", Ref: "Bucket"}},
		{"ref unknown name", `!Ref Nope`, extract.Vars{}, got{Text: "Ref(Nope)", Unknown: true}},
		{"partition", `!Ref AWS::Partition`, extract.Vars{}, lit("aws")},
		{"url suffix", `!Ref AWS::URLSuffix`, extract.Vars{}, lit("amazonaws.com")},
		{"region symbolic", `!Ref AWS::Region`, extract.Vars{}, got{Text: "Ref(AWS::Region)"}},
		{"region from --region", `!Ref AWS::Region`, prod, lit("eu-west-1")},
		{"account", `!Ref AWS::AccountId`, extract.Vars{}, got{Text: "Ref(AWS::AccountId)"}},
		{"no value", `!Ref AWS::NoValue`, extract.Vars{}, got{Resolved: true, NoValue: true}},
		{"getatt dotted", `!GetAtt Fn.Arn`, extract.Vars{}, got{Text: "GetAtt(Fn.Arn)", Ref: "Fn"}},
		{"getatt list", `!GetAtt [Fn, Arn]`, extract.Vars{}, got{Text: "GetAtt(Fn.Arn)", Ref: "Fn"}},
		{"getatt long", `{"Fn::GetAtt": [Bucket, DomainName]}`, extract.Vars{}, got{Text: "GetAtt(Bucket.DomainName)", Ref: "Bucket"}},
		{"getatt nested attr", `!GetAtt Fn.SnapStartResponse.ApplyOn`, extract.Vars{}, got{Text: "GetAtt(Fn.SnapStartResponse.ApplyOn)", Ref: "Fn"}},
		{"getatt unknown", `!GetAtt Nope.Arn`, extract.Vars{}, got{Text: "GetAtt(Nope.Arn)", Unknown: true}},
		{"sub resolved", `!Sub "arn:${AWS::Partition}:s3:::${Stage}-data"`, extract.Vars{}, lit("arn:aws:s3:::dev-data")},
		{"sub keeps unknown", `!Sub "${AWS::Region}/${Bucket.Arn}/${Stage}"`, extract.Vars{}, got{Text: "${AWS::Region}/${Bucket.Arn}/dev"}},
		{"sub lone reference", `!Sub "${Bucket.Arn}"`, extract.Vars{}, got{Text: "GetAtt(Bucket.Arn)", Ref: "Bucket"}},
		{"sub escape", `!Sub "${!Literal}-${Stage}"`, extract.Vars{}, lit("${Literal}-dev")},
		{"sub local vars", `!Sub ["${A}-${B}", {A: x, B: !Ref Bucket}]`, extract.Vars{}, got{Text: "x-Ref(Bucket)"}},
		{"sub unknown parameter", `!Sub "pre-${NoDefault}"`, extract.Vars{}, got{Text: "pre-${NoDefault}", Unknown: true}},
		{"sub unterminated", `!Sub "a-${Stage"`, extract.Vars{}, lit("a-${Stage")},
		{"join", `!Join [":", [a, !Ref Stage, c]]`, extract.Vars{}, lit("a:dev:c")},
		{"join symbolic", `!Join ["", ["arn:aws:s3:::", !Ref Bucket]]`, extract.Vars{}, got{Text: "arn:aws:s3:::Ref(Bucket)"}},
		{"join list parameter", `!Join ["|", !Ref Zones]`, extract.Vars{}, lit("a|b|c")},
		{"join drops novalue", `!Join [",", [a, !Ref AWS::NoValue, b]]`, extract.Vars{}, lit("a,b")},
		{"select", `!Select [1, [x, y, z]]`, extract.Vars{}, lit("y")},
		{"select list parameter", `!Select [2, !Ref Ids]`, extract.Vars{}, got{Text: "Select(2, subnet-1,subnet-2)"}},
		{"select azs", `!Select [0, !GetAZs ""]`, extract.Vars{}, got{Text: "Select(0, GetAZs())"}},
		{"split", `!Split [",", "a,b"]`, extract.Vars{}, got{Text: "a,b", Resolved: true, IsList: true}},
		{"select split", `!Select [1, !Split ["-", !Sub "x-${Stage}"]]`, extract.Vars{}, lit("dev")},
		{"split unknown", `!Split [",", !Ref NoDefault]`, extract.Vars{}, got{Text: "Split(,, Ref(NoDefault))", Unknown: true, IsList: true}},
		{"find in map", `!FindInMap [Env, !Ref Stage, Size]`, extract.Vars{}, lit("128")},
		{"find in map prod", `!FindInMap [Env, !Ref Stage, Size]`, prod, lit("1024")},
		{"find in map list", `!FindInMap [Env, dev, Zones]`, extract.Vars{}, got{Text: "x,y", Resolved: true, IsList: true}},
		{"find in map missing", `!FindInMap [Env, test, Size]`, extract.Vars{}, got{Text: "FindInMap(Env, test, Size)", Unknown: true}},
		{"find in map by region", `!FindInMap [Env, !Ref AWS::Region, Size]`, extract.Vars{}, got{Text: "FindInMap(Env, Ref(AWS::Region), Size)", Unknown: true}},
		{"if decided", `!If [IsProd, big, small]`, extract.Vars{}, lit("small")},
		{"if decided prod", `!If [IsProd, big, small]`, prod, lit("big")},
		{"if undecidable", `!If [Unknown, a, !Ref AWS::NoValue]`, extract.Vars{}, got{Text: "If(Unknown, a, AWS::NoValue)", Unknown: true}},
		{"if novalue branch", `!If [IsDev, !Ref AWS::NoValue, x]`, extract.Vars{}, got{Resolved: true, NoValue: true}},
		{"import value", `!ImportValue shared-vpc`, extract.Vars{}, got{Text: "ImportValue(shared-vpc)", Unknown: true}},
		{"equals as value", `!Equals [a, a]`, extract.Vars{}, lit("true")},
		{"base64", `!Base64 hi`, extract.Vars{}, lit("aGk=")},
		{"base64 symbolic", `!Base64 {Ref: Bucket}`, extract.Vars{}, got{Text: "Base64(Ref(Bucket))"}},
		{"getazs", `!GetAZs ""`, extract.Vars{}, got{Text: "GetAZs()", IsList: true}},
		{"cidr", `!Cidr ["10.0.0.0/16", 4, 8]`, extract.Vars{}, got{Text: "Cidr(10.0.0.0/16,4,8)", IsList: true}},
		{"transform", `{"Fn::Transform": {Name: AWS::Include}}`, extract.Vars{}, got{Text: `Transform({"Name":"AWS::Include"})`, Unknown: true}},
		{"unsupported function", `!Length [a, b]`, extract.Vars{}, got{Text: "Length(a,b)", Unknown: true}},
		{"list", `[a, !Ref Stage]`, extract.Vars{}, got{Text: "a,dev", Resolved: true, IsList: true}},
		{"null", `~`, extract.Vars{}, lit("")},
		{"bad arguments", `!Join only-one`, extract.Vars{}, got{Text: "Join(?)", Unknown: true}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := newEvaluator(root, c.vars)
			n := mustParse(t, "v: "+c.expr).Get("v")
			if diff := cmp.Diff(c.want, project(ev.Eval(n))); diff != "" {
				t.Errorf("Eval(%s) (-want +got):\n%s", c.expr, diff)
			}
		})
	}
}

func TestEvalRefs(t *testing.T) {
	root := mustParse(t, evalTemplate)
	ev := newEvaluator(root, extract.Vars{})
	n := mustParse(t, `v: !Join ["", [!GetAtt Fn.Arn, "/", !Sub "${Bucket}"]]`).Get("v")
	if diff := cmp.Diff([]string{"Fn", "Bucket"}, ev.Eval(n).Refs); diff != "" {
		t.Errorf("Refs (-want +got):\n%s", diff)
	}
}

func TestConditions(t *testing.T) {
	root := mustParse(t, evalTemplate)
	cases := []struct {
		name      string
		vars      extract.Vars
		value, ok bool
	}{
		{"IsProd", extract.Vars{}, false, true},
		{"IsDev", extract.Vars{}, true, true},
		{"Unknown", extract.Vars{}, false, false},
		{"DevOrUnknown", extract.Vars{}, true, true},
		{"ProdAndUnknown", extract.Vars{}, false, true},
		{"DevAndUnknown", extract.Vars{}, false, false},
		{"Loop", extract.Vars{}, false, false},
		{"Missing", extract.Vars{}, false, false},
		{"IsProd", extract.Vars{Params: map[string]string{"Stage": "prod"}}, true, true},
		{"Unknown", extract.Vars{Params: map[string]string{"NoDefault": "yes"}}, true, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ev := newEvaluator(root, c.vars)
			v, ok := ev.condition(c.name)
			if v != c.value || ok != c.ok {
				t.Errorf("condition(%s) = %v, %v; want %v, %v", c.name, v, ok, c.value, c.ok)
			}
		})
	}
}

func TestEvalDepthIsBounded(t *testing.T) {
	src := "v: "
	for i := 0; i < 200; i++ {
		src += "{Fn::Base64: "
	}
	src += "x"
	for i := 0; i < 200; i++ {
		src += "}"
	}
	ev := newEvaluator(mustParse(t, evalTemplate), extract.Vars{})
	if v := ev.Eval(mustParse(t, src).Get("v")); v.Resolved || !v.Unknown {
		t.Errorf("deeply nested value = %+v, want unknown", project(v))
	}
}

func TestMergeGlobals(t *testing.T) {
	global := mustParse(t, `
Runtime: nodejs18.x
Timeout: 3
Layers: [g1]
Environment: {Variables: {A: ga, B: gb}}
VpcConfig: !If [C, {SubnetIds: [x]}, !Ref AWS::NoValue]
`)
	local := mustParse(t, `
Timeout: 9
Layers: [l1]
Environment: {Variables: {B: lb, C: lc}}
VpcConfig: {SubnetIds: [y]}
`)
	m := mergeGlobals(global, local)
	checks := []struct{ path, want string }{
		{"Runtime", "nodejs18.x"},
		{"Timeout", "9"},
		{"Layers", "[\"g1\",\"l1\"]"},
		{"Environment", `{"Variables":{"A":"ga","B":"lb","C":"lc"}}`},
		{"VpcConfig", `{"SubnetIds":["y"]}`},
	}
	for _, c := range checks {
		if got := nodeJSON(m.Get(c.path), 500); got != c.want && m.Get(c.path).Str() != c.want {
			t.Errorf("%s = %s, want %s", c.path, got, c.want)
		}
	}
	if nodeJSON(global, 500) == nodeJSON(m, 500) || local.Get("Runtime") != nil {
		t.Error("mergeGlobals modified its inputs")
	}
}
