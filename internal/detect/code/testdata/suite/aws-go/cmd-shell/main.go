// fixture: provider=aws trigger=http
package main

import (
	"context"
	"os/exec"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	dir := req.QueryStringParameters["dir"]
	out, err := exec.Command("sh", "-c", "ls -la "+dir).Output() // want "code/os-command-injection"
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 500}, nil
	}
	return events.APIGatewayProxyResponse{StatusCode: 200, Body: string(out)}, nil
}

func main() { lambda.Start(handle) }
