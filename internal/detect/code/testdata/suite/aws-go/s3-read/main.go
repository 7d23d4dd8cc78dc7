// fixture: provider=aws trigger=s3
package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context, e events.S3Event) error {
	for _, rec := range e.Records {
		data, err := os.ReadFile("/mnt/efs/" + rec.S3.Object.Key) // want "code/path-traversal"
		if err != nil {
			return err
		}
		_ = data
	}
	return nil
}

func main() { lambda.Start(handler) }
