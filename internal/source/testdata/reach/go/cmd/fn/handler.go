package main

import "context"

func handle(ctx context.Context) error {
	return nil
}
