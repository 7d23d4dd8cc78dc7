package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/cladsec/clad/internal/extract/list"
	"github.com/cladsec/clad/internal/iam"
	"github.com/cladsec/clad/internal/scan"
)

const iamUsage = `Usage: clad iam suggest [PATH] [flags]

Write per-function least-privilege IAM statements for the AWS functions of
PATH, from the SDK calls each function's code makes (DynamoDB, S3, SQS, SNS,
Lambda, Secrets Manager, SSM, KMS, EventBridge, Step Functions, Kinesis, SES,
Cognito). Functions whose code clad could not fully see are marked
INCOMPLETE with the reasons.

Flags:
`

func runIAM(ctx context.Context, args []string, env Env) error {
	if len(args) == 0 || args[0] != "suggest" {
		if len(args) > 0 && (args[0] == "--help" || args[0] == "-h") {
			fmt.Fprint(env.Stderr, iamUsage)
			return &exitError{code: ExitOK}
		}
		return usagef("iam takes a subcommand: clad iam suggest [PATH]")
	}
	fs := pflag.NewFlagSet("iam suggest", pflag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	format := fs.StringP("format", "f", "serverless", "output format: "+strings.Join(iam.Formats, ", "))
	output := fs.StringP("output", "o", "", "write to this file instead of standard output")
	function := fs.String("function", "", "only this function (its ID, e.g. orders/createOrder, or its name)")
	var sf scanFlags
	fs.StringVar(&sf.stage, "stage", "", "deployment stage for ${opt:stage} / ${sls:stage}")
	fs.StringVar(&sf.region, "region", "", "region for ${opt:region}")
	fs.StringArrayVar(&sf.params, "param", nil, "KEY=VALUE for ${param:KEY} and CloudFormation parameters (repeatable)")
	fs.Usage = func() { fmt.Fprint(env.Stderr, iamUsage); fs.PrintDefaults() }
	if err := fs.Parse(args[1:]); err != nil {
		return flagError(err)
	}
	if !slices.Contains(iam.Formats, *format) {
		return usagef("unknown --format %q (want %s)", *format, strings.Join(iam.Formats, ", "))
	}
	if fs.NArg() > 1 {
		return usagef("iam suggest takes one PATH, got %d", fs.NArg())
	}
	target := "."
	if fs.NArg() == 1 {
		target = fs.Arg(0)
	}
	if _, err := os.Stat(target); err != nil {
		return fmt.Errorf("cannot read %s: %w", target, unwrapOS(err))
	}
	vars, err := scanVars(&sf, env)
	if err != nil {
		return err
	}
	res, err := scan.Run(ctx, scan.Options{Target: target, Extractors: list.All(), Vars: vars})
	if err != nil {
		return fmt.Errorf("scan of %s failed: %w", target, err)
	}
	defer res.Close()
	policies := iam.SuggestAll(res.Tree, res.Project)
	if *function != "" {
		policies = slices.DeleteFunc(policies, func(p iam.Policy) bool { return p.Function != *function && p.Name != *function })
		if len(policies) == 0 {
			return fmt.Errorf("no AWS function %q in %s", *function, target)
		}
	}
	if len(policies) == 0 {
		fmt.Fprintf(env.Stderr, "clad: no AWS function found in %s\n", target)
		return &exitError{code: ExitError}
	}
	var w io.Writer = env.Stdout
	if *output != "" {
		fh, err := os.Create(*output)
		if err != nil {
			return fmt.Errorf("cannot write %s: %w", *output, err)
		}
		defer fh.Close()
		w = fh
	}
	return iam.Render(w, *format, policies)
}
