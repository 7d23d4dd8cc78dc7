package main

import (
	"context"
	"os"

	"github.com/aws/aws-lambda-go/lambda"
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	s3api "github.com/aws/aws-sdk-go-v2/service/s3"
)

var table = os.Getenv("TABLE_NAME")

func handle(ctx context.Context) error {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return err
	}
	db := dynamodb.NewFromConfig(cfg)
	_, err = db.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(table),
		Item:      map[string]types.AttributeValue{},
	})
	if err != nil {
		return err
	}
	s3 := s3api.NewFromConfig(cfg)
	_, err = s3.GetObject(ctx, &s3api.GetObjectInput{Bucket: aws.String("acme-go"), Key: aws.String("k")})
	return err
}

func main() { lambda.Start(handle) }
