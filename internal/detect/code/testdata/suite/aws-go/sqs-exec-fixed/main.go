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

var tools = map[string]string{"convert": "/usr/bin/convert", "ffmpeg": "/usr/bin/ffmpeg"}

func handler(ctx context.Context, ev events.SQSEvent) error {
	for _, m := range ev.Records {
		var j job
		if err := json.Unmarshal([]byte(m.Body), &j); err != nil {
			return err
		}
		bin, ok := tools[j.Tool]
		if !ok {
			continue
		}
		if err := exec.CommandContext(ctx, bin, "--version").Run(); err != nil {
			return err
		}
	}
	return nil
}

func main() { lambda.Start(handler) }
