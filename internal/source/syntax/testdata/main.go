package main

import "github.com/aws/aws-lambda-go/lambda"

func handle(id string) (string, error) {
	return "order " + id, nil
}

func main() { lambda.Start(handle) }
