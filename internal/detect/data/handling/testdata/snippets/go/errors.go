package main

import (
	"context"
	"encoding/json"
	"net/http"
	"runtime/debug"

	"github.com/aws/aws-lambda-go/events"
)

func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	var in map[string]string
	if err := json.Unmarshal([]byte(req.Body), &in); err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 400, Body: err.Error()}, nil
	}
	out, err := store(in)
	if err != nil {
		return events.APIGatewayProxyResponse{StatusCode: http.StatusInternalServerError, Body: err.Error()}, nil // want error-details-exposed
	}
	if out == "" {
		return events.APIGatewayProxyResponse{StatusCode: 500, Body: string(debug.Stack())}, nil // want error-details-exposed
	}
	return events.APIGatewayProxyResponse{StatusCode: 200, Body: out}, nil
}

func serve(w http.ResponseWriter, r *http.Request) {
	out, err := store(nil)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want error-details-exposed
		return
	}
	if out == "" {
		http.Error(w, "internal error", http.StatusInternalServerError)
		return
	}
	w.Write([]byte(out))
}

func store(in map[string]string) (string, error) { return "", nil }

func main() {}
