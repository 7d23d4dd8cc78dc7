package main

import (
	"fmt"
	"net/http"
	"strings"
)

const partnerAPI = "http://api.partner-shop.io/v1" // want plaintext-transport
const localAPI = "http://localhost:8080"
const secureAPI = "https://api.partner-shop.io/v1"

var client = &http.Client{}

func sync(id string) error {
	if _, err := http.Get(partnerAPI + "/orders/" + id); err != nil {
		return err
	}
	req, err := http.NewRequest("POST", "http://hooks.partner-shop.io/orders", strings.NewReader(id)) // want plaintext-transport
	if err != nil {
		return err
	}
	_, _ = client.Do(req)
	_, _ = client.Get(fmt.Sprintf("http://stock.partner-shop.io/items/%s", id)) // want plaintext-transport
	_, _ = http.Get(localAPI)
	_, _ = http.Get(secureAPI)
	_, _ = http.Get("http://" + id + "/x")
	return nil
}
