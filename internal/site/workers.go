package site

import (
	"runtime"
	"slices"
	"sync"
)

// renderPool executes page templates on every core while the builder
// goes on preparing the next pages. The builder does everything that
// orders the output (paths, citations, the sitemap) before it submits a
// page; the workers only render it and store the bytes, so the files are
// the same whatever order the pages finish in. Problems are reported in
// the order the pages were submitted.
type renderPool struct {
	jobs chan func() error
	wg   sync.WaitGroup
	mu   sync.Mutex
	seq  int
	errs []seqErr
}

type seqErr struct {
	seq int
	err error
}

// newRenderPool starts one worker per core, with a short queue, so that
// at most a few pages wait to be rendered at any time.
func newRenderPool() *renderPool {
	n := runtime.GOMAXPROCS(0)
	p := &renderPool{jobs: make(chan func() error, 2*n)}
	for range n {
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			for job := range p.jobs {
				_ = job()
			}
		}()
	}
	return p
}

// submit queues job; an error it returns is reported by wait.
func (p *renderPool) submit(job func() error) {
	seq := p.seq
	p.seq++
	p.jobs <- func() error {
		if err := job(); err != nil {
			p.mu.Lock()
			p.errs = append(p.errs, seqErr{seq, err})
			p.mu.Unlock()
		}
		return nil
	}
}

// wait waits for every page submitted and returns their problems in the
// order the pages were submitted.
func (p *renderPool) wait() []error {
	close(p.jobs)
	p.wg.Wait()
	slices.SortFunc(p.errs, func(a, b seqErr) int { return a.seq - b.seq })
	var out []error
	for _, e := range p.errs {
		out = append(out, e.err)
	}
	return out
}
