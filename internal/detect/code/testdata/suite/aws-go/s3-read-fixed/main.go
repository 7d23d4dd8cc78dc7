// fixture: provider=aws trigger=s3
package main

import (
	"context"
	"os"
	"path/filepath"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

func handler(ctx context.Context, e events.S3Event) error {
	for _, rec := range e.Records {
		data, err := os.ReadFile("/mnt/efs/" + filepath.Base(rec.S3.Object.Key))
		if err != nil {
			return err
		}
		_ = data
	}
	return nil
}

func main() { lambda.Start(handler) }
