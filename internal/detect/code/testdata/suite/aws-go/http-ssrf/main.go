// fixture: provider=aws trigger=url
package main

import (
	"io"
	"net/http"
)

func proxy(w http.ResponseWriter, r *http.Request) {
	target := r.URL.Query().Get("url")
	resp, err := http.Get(target) // want "code/ssrf"
	if err != nil {
		http.Error(w, "bad gateway", http.StatusBadGateway)
		return
	}
	defer resp.Body.Close()
	io.Copy(w, resp.Body)
}

func main() {
	http.HandleFunc("/proxy", proxy)
	http.ListenAndServe(":8080", nil)
}
