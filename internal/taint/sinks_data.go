package taint

import "strings"

// Query APIs of managed databases that take the statement as a named
// parameter: the RDS Data API (sql), the Redshift Data API (Sql, Sqls),
// Athena (QueryString) and Cosmos DB (query). Built from input, the
// statement is injectable like any SQL string.

// dataAPIParams maps a call name (lower case, boto3 or SDK v2/v3 style)
// to the parameter holding the statement.
var dataAPIParams = map[string][]string{
	"execute_statement":            {"sql", "Sql"},
	"batch_execute_statement":      {"sql", "Sql", "Sqls"},
	"executestatement":             {"sql", "Sql"},
	"batchexecutestatement":        {"sql", "Sql", "Sqls"},
	"executestatementcommand":      {"sql", "Sql"},
	"batchexecutestatementcommand": {"sql", "Sql", "Sqls"},
	"start_query_execution":        {"QueryString"},
	"startqueryexecution":          {"QueryString"},
	"startqueryexecutioncommand":   {"QueryString"},
	"query_items":                  {"query"},
	"query_items_change_feed":      {"query"},
}

// dataAPISinks checks the statement parameter of a data-API call, given
// as a keyword (boto3), in the parameter object (SDKs) or, for Cosmos DB,
// as the first argument.
func (in *interp) dataAPISinks(cc *callCtx) {
	keys, ok := dataAPIParams[strings.ToLower(cc.name)]
	if !ok || cc.recv.isTainted() {
		return
	}
	sink := "the " + cc.name + " statement"
	for _, k := range keys {
		if v := cc.kw[k]; v != nil {
			if in.hit(cc, RuleSQL, v, cc.c, sink, nil) {
				return
			}
		}
	}
	for i, a := range cc.args {
		if a == nil {
			continue
		}
		if i == 0 && cc.name == "query_items" && a.fields == nil {
			if in.hit(cc, RuleSQL, a, cc.argX(0), sink, nil) {
				return
			}
			continue
		}
		for _, k := range keys {
			if f := a.fields[k]; f != nil && in.hit(cc, RuleSQL, f, cc.argX(i), sink, nil) {
				return
			}
		}
	}
}
