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
	if serve.Exposed(l.Addr()) {
		fmt.Fprintf(stderr, "atlas serve: WARNING: listening on %s, which other machines can reach: anyone on your networks can read the preview. Use -addr 127.0.0.1:PORT to keep it on this machine.\n", l.Addr())
	}
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
