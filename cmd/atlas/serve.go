package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"atlas/internal/serve"
)

func serveCmd(args []string, stdout, stderr io.Writer) int {
	var f buildFlags
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	addr := fs.String("addr", "127.0.0.1:8080", "`host:port` to listen on; the default binds the loopback interface only")
	fs.StringVar(&f.src, "src", ".", "source `directory` to build and watch")
	fs.StringVar(&f.baseURL, "base-url", "/", "`URL` or path the site is published under; the preview serves under its path")
	if !parse(fs, args, stderr) {
		return exitUsage
	}
	srv, err := serve.New(serve.Config{Src: os.DirFS(f.src), BaseURL: f.baseURL, Addr: *addr, Log: stdout})
	if err != nil {
		fmt.Fprintf(stderr, "atlas serve: %v\n", err)
		return exitUsage
	}
	l, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "atlas serve: %v\n", err)
		return exitInput
	}
	defer l.Close()
	io.WriteString(stderr, exposedWarning(l.Addr()))
	fmt.Fprintf(stdout, "serving %s at %s (watching content/, data/, templates/, static/; Ctrl-C stops)\n", f.src, srv.URL(l.Addr().String()))
	debug.SetGCPercent(serve.GCPercent)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := srv.Run(ctx, l); err != nil {
		fmt.Fprintf(stderr, "atlas serve: %v\n", err)
		return exitInput
	}
	return exitOK
}

// exposedWarning is what the command prints before serving on an address
// that other machines can reach (serve.Exposed), such as -addr 0.0.0.0:8080:
// a block that stands out among the build lines, or "" for a loopback
// address.
func exposedWarning(addr net.Addr) string {
	if !serve.Exposed(addr) {
		return ""
	}
	const rule = "atlas serve: WARNING " + "============================================================\n"
	return rule +
		"atlas serve: WARNING: the preview listens on " + addr.String() + ", which OTHER MACHINES CAN REACH:\n" +
		"atlas serve: WARNING: anyone on your networks can read the site as you edit it, drafts included.\n" +
		"atlas serve: WARNING: it answers only requests for localhost, 127.0.0.1, [::1] and " + hostsNote(addr) + ".\n" +
		"atlas serve: WARNING: use -addr 127.0.0.1:PORT (the default) to keep it on this machine.\n" +
		rule
}

// hostsNote names the addresses besides loopback that a preview on addr
// answers to.
func hostsNote(addr net.Addr) string {
	if tcp, ok := addr.(*net.TCPAddr); ok && !tcp.IP.IsUnspecified() {
		return tcp.IP.String()
	}
	return "this machine's own addresses"
}
