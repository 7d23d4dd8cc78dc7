module example.com/svc
// no go directive: no stdlib package
require example.com/shared v0.0.0-00010101000000-000000000000
replace example.com/shared => ../shared
