// fixture: provider=aws trigger=url
package main

import (
	"io"
	"net/http"
	"net/url"
)

func proxy(w http.ResponseWriter, r *http.Request) {
	item := r.URL.Query().Get("item")
	resp, err := http.Get("https://catalog.example.com/items/" + url.PathEscape(item))
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
