// fixture: provider=aws trigger=http
package main

import (
	"context"
	"database/sql"
	"fmt"
	"os/exec"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"
)

// reports runs the report commands; its methods receive request data.
type reports struct {
	db   *sql.DB
	tool string
}

func (r *reports) render(name string) ([]byte, error) {
	return exec.Command("sh", "-c", r.tool+" "+name).Output() // want "code/os-command-injection"
}

func (r reports) find(owner string) (*sql.Rows, error) {
	return r.db.Query(fmt.Sprintf("SELECT id FROM reports WHERE owner = '%s'", owner)) // want "code/sql-injection"
}

// cache has a Query method of its own: r.db.Query above is still the
// database's.
type cache struct{}

func (c *cache) Query(key string) string { return key }

func (r *reports) safeFind(owner string) (*sql.Rows, error) {
	return r.db.Query("SELECT id FROM reports WHERE owner = $1", owner)
}

func handle(ctx context.Context, req events.APIGatewayProxyRequest) (events.APIGatewayProxyResponse, error) {
	r := &reports{tool: "/opt/bin/render"}
	name := req.QueryStringParameters["name"]
	if _, err := r.render(name); err != nil {
		return events.APIGatewayProxyResponse{StatusCode: 500}, nil
	}
	r.find(req.QueryStringParameters["owner"])
	r.safeFind(req.QueryStringParameters["owner"])
	return events.APIGatewayProxyResponse{StatusCode: 200}, nil
}

func main() { lambda.Start(handle) }
