package main

import (
	"context"
	"fmt"
	"log"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/sirupsen/logrus"
	"go.uber.org/zap"
)

func handle(ctx context.Context, request events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	log.Printf("request: %+v", request)                                   // want sensitive-data-logged
	fmt.Println(request.Headers)                                          // want sensitive-data-logged
	fmt.Fprintf(os.Stdout, "auth %s\n", request.Headers["Authorization"]) // want sensitive-data-logged
	log.Println(os.Environ())                                             // want sensitive-data-logged
	sugar := zap.S()
	password := request.QueryStringParameters["p"]
	sugar.Infow("login", "password", password) // want sensitive-data-logged
	logger, _ := zap.NewProduction()
	logger.Info("login", zap.String("token", request.Headers["x-token"])) // want sensitive-data-logged
	logrus.WithField("apiKey", request.Headers["x-api-key"]).Info("call") // want sensitive-data-logged

	log.Printf("request id %s", request.RequestContext.RequestID)
	logger.Info("login", zap.Int("attempts", 3))
	logrus.WithField("path", request.Path).Info("call")
	err := fmt.Errorf("bad token %s", password)
	return events.APIGatewayProxyResponse{StatusCode: 200}, err
}

func main() {}
