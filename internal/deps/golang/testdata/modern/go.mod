module github.com/example/orders

go 1.21

toolchain go1.21.5

require (
	github.com/aws/aws-lambda-go v1.41.0
	github.com/gin-gonic/gin v1.9.0
	golang.org/x/net v0.7.0 // indirect; pulled in by gin
	"github.com/quoted/module" v0.1.0
)

require (
	github.com/gin-contrib/sse v0.1.0 // indirect
	github.com/pkg/errors v0.9.1
	golang.org/x/text v0.3.7 // indirect
)

require github.com/old/lib v1.0.0

replace github.com/old/lib => github.com/fork/lib v1.0.1

replace (
	golang.org/x/text v0.3.7 => golang.org/x/text v0.3.8
	golang.org/x/net v0.6.0 => golang.org/x/net v0.6.1 // does not match the required version
	github.com/pkg/errors => ../errors
)

exclude github.com/gin-gonic/gin v1.8.0

retract v0.9.0 // published by mistake
