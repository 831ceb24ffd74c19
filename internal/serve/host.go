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
// listens on every interface (0.0.0.0, [::] or a bare ":8080"), the
// configured address stands for the addresses of this machine's
// interfaces: an IP literal is accepted only if it is one of them, never
// any other address, and no name but the loopback ones.
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
	if ipErr == nil {
		if ip.Zone() != "" {
			return false // "[::1%eth0]": no browser names a host so
		}
		ip = ip.Unmap()
	}
	if ipErr == nil && ip.IsLoopback() {
		return true
	}
	cfg := s.cfg.Addr
	if h, _, err := net.SplitHostPort(cfg); err == nil {
		cfg = h
	}
	if cfg == "" && s.cfg.Addr == "" {
		return false // no address configured: loopback only
	}
	c, cErr := netip.ParseAddr(cfg)
	switch {
	case cErr != nil && cfg != "":
		return strings.EqualFold(name, cfg) // a name, such as atlas.lan
	case ipErr != nil:
		return false
	case cfg != "" && !c.IsUnspecified():
		return ip == c.Unmap()
	}
	// ":8080", "0.0.0.0:8080" and "[::]:8080" listen on every interface.
	if ip.IsUnspecified() {
		return true // the configured address itself, as "0.0.0.0:8080"
	}
	return s.isLocal(ip)
}

// isLocal reports whether ip is an address of one of this machine's
// network interfaces.
func (s *Server) isLocal(ip netip.Addr) bool {
	lookup := s.interfaceAddrs
	if lookup == nil {
		lookup = net.InterfaceAddrs
	}
	addrs, err := lookup()
	if err != nil {
		return false
	}
	for _, a := range addrs {
		var b net.IP
		switch a := a.(type) {
		case *net.IPNet:
			b = a.IP
		case *net.IPAddr:
			b = a.IP
		}
		if addr, ok := netip.AddrFromSlice(b); ok && addr.Unmap() == ip {
			return true
		}
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
