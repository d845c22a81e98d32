package change

import (
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// TestTransfersPerCountryAndRanges: a transfer that names several countries
// is compared country by country, and a retention range by its end.
func TestTransfersPerCountryAndRanges(t *testing.T) {
	act := func(ts []register.Transfer, r register.Retention) *register.Activity {
		return &register.Activity{ID: "support", Role: "controller", Transfers: ts, Retention: []register.Retention{r}}
	}
	o := act([]register.Transfer{{Recipient: "advisers", Country: "US", Safeguard: "scc"}},
		register.Retention{Categories: []string{"contact"}, Period: "P7Y"})
	n := act([]register.Transfer{{Recipient: "advisers", Countries: []string{"US", "IN"}, Safeguard: "scc"}},
		register.Retention{Categories: []string{"contact"}, Period: "P7Y", UpTo: "P10Y"})
	got := transfers(o, n)
	if len(got) != 1 || got[0].Kind != ThirdCountryAdded || got[0].country != "IN" || !got[0].Material {
		t.Errorf("transfers = %+v, want one material new third country IN", got)
	}
	got = retention(o, n)
	if len(got) != 1 || got[0].Kind != RetentionLonger || got[0].New != "P10Y" || !got[0].Material {
		t.Errorf("retention = %+v, want one material longer retention to P10Y", got)
	}
	// Own storage abroad (no recipient) is a transfer too.
	own := act([]register.Transfer{{Countries: []string{"US"}, Safeguard: "bcr"}}, register.Retention{})
	if got := transfers(o, own); len(got) != 2 || got[0].Kind != TransferAdded || got[1].Kind != TransferRemoved {
		t.Errorf("own storage: %+v, want the recipient's transfer replaced by the organisation's own", got)
	}
}
