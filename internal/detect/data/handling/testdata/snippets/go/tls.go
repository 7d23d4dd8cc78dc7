package main

import (
	"crypto/tls"
	"net/http"
)

func clients() (*http.Client, *http.Client) {
	insecure := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // want tls-verification-disabled
	}}
	safe := &http.Client{Transport: &http.Transport{
		TLSClientConfig: &tls.Config{MinVersion: tls.VersionTLS12, InsecureSkipVerify: false},
	}}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.TLSClientConfig = &tls.Config{}
	tr.TLSClientConfig.InsecureSkipVerify = true // want tls-verification-disabled
	return insecure, safe
}
