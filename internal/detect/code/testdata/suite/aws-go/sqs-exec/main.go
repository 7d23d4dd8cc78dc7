// fixture: provider=aws trigger=sqs
package main

import (
	"context"
	"encoding/json"
	"os/exec"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

type job struct {
	Tool string `json:"tool"`
}

func handler(ctx context.Context, ev events.SQSEvent) error {
	for _, m := range ev.Records {
		var j job
		if err := json.Unmarshal([]byte(m.Body), &j); err != nil {
			return err
		}
		if err := exec.CommandContext(ctx, j.Tool, "--version").Run(); err != nil { // want "code/os-command-injection"
			return err
		}
	}
	return nil
}

func main() { lambda.Start(handler) }
