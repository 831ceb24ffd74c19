package serve

import (
	"net"
	"net/http"
	"net/netip"
	"strings"
)

// hostAllowed reports whether a request's Host header names this preview:
// a loopback name or address (localhost, 127.0.0.1, [::1], with or without
// a port) or the host of the configured address. Anything else is refused,
// so that a page of another site whose name an attacker points at
// 127.0.0.1 (DNS rebinding) cannot read the preview. When the preview
// listens on every interface (0.0.0.0 or [::]), any IP address is
// accepted too: other machines reach it by address, and a rebinding
// attack needs a name.
func (s *Server) hostAllowed(host string) bool {
	name := host
	if h, _, err := net.SplitHostPort(host); err == nil {
		name = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		name = host[1 : len(host)-1]
	}
	if name == "" {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip, ipErr := netip.ParseAddr(name)
	if ipErr == nil && ip.Zone() != "" {
		return false // "[::1%eth0]": no browser names a host so
	}
	if ipErr == nil && ip.Unmap().IsLoopback() {
		return true
	}
	if s.cfg.Addr == "" {
		return false
	}
	cfg := s.cfg.Addr
	if h, _, err := net.SplitHostPort(cfg); err == nil {
		cfg = h
	}
	if cfg != "" && strings.EqualFold(name, cfg) {
		return true
	}
	// ":8080", "0.0.0.0:8080" and "[::]:8080" listen on every interface.
	if c, err := netip.ParseAddr(cfg); cfg == "" || (err == nil && c.IsUnspecified()) {
		return ipErr == nil
	}
	return false
}

// refuseHost answers a request whose Host is not the preview's.
func refuseHost(w http.ResponseWriter, host string) {
	http.Error(w, "misdirected request: the preview answers only to localhost, 127.0.0.1, [::1] and the address it listens on, not "+quote(host), http.StatusMisdirectedRequest)
}

func quote(s string) string {
	if len(s) > 100 {
		s = s[:100] + "…"
	}
	return `"` + strings.ToValidUTF8(s, "?") + `"`
}

// Exposed reports whether a preview listening on addr is reachable from
// other machines: an address other than loopback, including the
// unspecified 0.0.0.0 and [::], which bind every interface.
func Exposed(addr net.Addr) bool {
	tcp, ok := addr.(*net.TCPAddr)
	if !ok {
		return true
	}
	return !tcp.IP.IsLoopback()
}
