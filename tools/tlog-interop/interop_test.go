// Package interop checks Open Decision's transparency log against independent implementations:
// golang.org/x/mod/sumdb/note for signed notes, github.com/transparency-dev/formats/note for C2SP
// tlog-cosignature/v1 witness cosignatures (x/mod has no cosignature verifier; TestWitnessCosignature
// also checks one with crypto/ed25519 directly) and github.com/transparency-dev/merkle for RFC 9162
// trees and proofs. The TypeScript side writes a fixture (TLOG_INTEROP_FIXTURE); every claim in it
// must verify here exactly when it is marked valid. TestServedCheckpoint checks a checkpoint note as a
// running deployment served it (TLOG_INTEROP_SERVED, written by test/medium/cosignatures.medium.spec.ts).
package interop

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	fnote "github.com/transparency-dev/formats/note"
	"github.com/transparency-dev/merkle/compact"
	"github.com/transparency-dev/merkle/proof"
	"github.com/transparency-dev/merkle/rfc6962"
	"golang.org/x/mod/sumdb/note"
)

type fixture struct {
	Origin         string   `json:"origin"`
	LogSignerKey   string   `json:"logSignerKey"`
	LogVerifierKey string   `json:"logVerifierKey"`
	Leaves         []string `json:"leaves"`
	Checkpoints    []struct {
		Size uint64 `json:"size"`
		Note string `json:"note"`
	} `json:"checkpoints"`
	Inclusion []struct {
		Index uint64   `json:"index"`
		Size  uint64   `json:"size"`
		Proof []string `json:"proof"`
		Valid bool     `json:"valid"`
	} `json:"inclusion"`
	Consistency []struct {
		First  uint64   `json:"first"`
		Second uint64   `json:"second"`
		Proof  []string `json:"proof"`
		Valid  bool     `json:"valid"`
	} `json:"consistency"`
	Witness struct {
		Name      string `json:"name"`
		PublicKey string `json:"publicKey"`
		Note      string `json:"note"`
		Time      uint64 `json:"time"`
	} `json:"witness"`
	// Cosigned is the latest checkpoint as the deployment serves it with several witnesses' cosignatures,
	// and notes whose cosignature line must be refused.
	Cosigned struct {
		Note      string    `json:"note"`
		Witnesses []witness `json:"witnesses"`
		Refused   []struct {
			What    string `json:"what"`
			Note    string `json:"note"`
			Witness string `json:"witness"`
		} `json:"refused"`
	} `json:"cosigned"`
}

// witness is a witness's published key, in the C2SP cosignature/v1 form (type 0x04) or the plain
// Ed25519 form (0x01) a deployment's TLOG_WITNESSES also takes, and the time its cosignature states.
type witness struct {
	Vkey string `json:"vkey"`
	Time int64  `json:"time"`
}

// served is a checkpoint note exactly as GET /api/v1/public/transparency/checkpoint answered it.
type served struct {
	Origin         string    `json:"origin"`
	LogVerifierKey string    `json:"logVerifierKey"`
	Note           string    `json:"note"`
	Witnesses      []witness `json:"witnesses"`
}

func load(t *testing.T) fixture {
	t.Helper()
	path := os.Getenv("TLOG_INTEROP_FIXTURE")
	if path == "" {
		t.Fatal("TLOG_INTEROP_FIXTURE is not set: run this from the jest spec that writes the fixture")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var f fixture
	if err := json.Unmarshal(raw, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func b64(t *testing.T, s string) []byte {
	t.Helper()
	b, err := base64.StdEncoding.DecodeString(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func hashes(t *testing.T, list []string) [][]byte {
	out := make([][]byte, len(list))
	for i, s := range list {
		out[i] = b64(t, s)
	}
	return out
}

// roots computes the root of every prefix of the fixture's leaves with the compact-range code.
func roots(t *testing.T, f fixture) map[uint64][]byte {
	factory := compact.RangeFactory{Hash: rfc6962.DefaultHasher.HashChildren}
	r := factory.NewEmptyRange(0)
	out := map[uint64][]byte{0: rfc6962.DefaultHasher.EmptyRoot()}
	for i, leaf := range f.Leaves {
		if err := r.Append(rfc6962.DefaultHasher.HashLeaf(b64(t, leaf)), nil); err != nil {
			t.Fatal(err)
		}
		root, err := r.GetRootHash(nil)
		if err != nil {
			t.Fatal(err)
		}
		out[uint64(i+1)] = root
	}
	return out
}

// openCheckpoint verifies the log's signature with sumdb/note and parses the tlog-checkpoint body.
func openCheckpoint(t *testing.T, f fixture, msg string, extra ...note.Verifier) (uint64, []byte, *note.Note) {
	t.Helper()
	return openNote(t, f.Origin, f.LogVerifierKey, msg, extra...)
}

func openNote(t *testing.T, origin, logKey, msg string, extra ...note.Verifier) (uint64, []byte, *note.Note) {
	t.Helper()
	v, err := note.NewVerifier(logKey)
	if err != nil {
		t.Fatal(err)
	}
	n, err := note.Open([]byte(msg), note.VerifierList(append([]note.Verifier{v}, extra...)...))
	if err != nil {
		t.Fatalf("note.Open: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	if len(lines) < 4 || lines[0] != origin {
		t.Fatalf("not a checkpoint of %s: %q", origin, n.Text)
	}
	size, err := strconv.ParseUint(lines[1], 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return size, b64(t, lines[2]), n
}

func TestOurSignerKeySignsAsGoDoes(t *testing.T) {
	f := load(t)
	signer, err := note.NewSigner(f.LogSignerKey)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range f.Checkpoints {
		size, _, n := openCheckpoint(t, f, c.Note)
		if size != c.Size {
			t.Errorf("checkpoint says size %d, fixture %d", size, c.Size)
		}
		ours, err := note.Sign(&note.Note{Text: n.Text}, signer)
		if err != nil {
			t.Fatal(err)
		}
		if string(ours) != c.Note {
			t.Errorf("Go signs size %d as\n%s\nours is\n%s", size, ours, c.Note)
		}
	}
}

func TestCheckpointRootsMatchTheLeaves(t *testing.T) {
	f := load(t)
	want := roots(t, f)
	for _, c := range f.Checkpoints {
		size, root, _ := openCheckpoint(t, f, c.Note)
		if !bytes.Equal(root, want[size]) {
			t.Errorf("size %d: checkpoint root %x, compact range %x", size, root, want[size])
		}
	}
}

func TestInclusionProofs(t *testing.T) {
	f := load(t)
	rs := roots(t, f)
	for _, c := range f.Inclusion {
		leaf := rfc6962.DefaultHasher.HashLeaf(b64(t, f.Leaves[c.Index]))
		err := proof.VerifyInclusion(rfc6962.DefaultHasher, c.Index, c.Size, leaf, hashes(t, c.Proof), rs[c.Size])
		if (err == nil) != c.Valid {
			t.Errorf("inclusion of %d in %d: valid=%v, got err=%v", c.Index, c.Size, c.Valid, err)
		}
	}
}

func TestConsistencyProofs(t *testing.T) {
	f := load(t)
	rs := roots(t, f)
	for _, c := range f.Consistency {
		err := proof.VerifyConsistency(rfc6962.DefaultHasher, c.First, c.Second, hashes(t, c.Proof), rs[c.First], rs[c.Second])
		if (err == nil) != c.Valid {
			t.Errorf("consistency %d→%d: valid=%v, got err=%v", c.First, c.Second, c.Valid, err)
		}
	}
}

// cosigner verifies a C2SP tlog-cosignature/v1 line through sumdb/note's own line parsing.
type cosigner struct {
	name string
	key  ed25519.PublicKey
	time uint64
}

func (c *cosigner) Name() string { return c.name }
func (c *cosigner) KeyHash() uint32 {
	h := sha256.Sum256(append([]byte(c.name+"\n\x04"), c.key...))
	return binary.BigEndian.Uint32(h[:4])
}
func (c *cosigner) Verify(msg, sig []byte) bool {
	if len(sig) != 8+ed25519.SignatureSize {
		return false
	}
	c.time = binary.BigEndian.Uint64(sig[:8])
	signed := fmt.Sprintf("cosignature/v1\ntime %d\n%s", c.time, msg)
	return ed25519.Verify(c.key, []byte(signed), sig[8:])
}

func TestWitnessCosignature(t *testing.T) {
	f := load(t)
	w := &cosigner{name: f.Witness.Name, key: b64(t, f.Witness.PublicKey)}
	_, _, n := openCheckpoint(t, f, f.Witness.Note, w)
	if len(n.Sigs) != 2 {
		t.Fatalf("want the log's signature and the witness's, got %d verified", len(n.Sigs))
	}
	if w.time != f.Witness.Time {
		t.Errorf("cosignature time %d, fixture %d", w.time, f.Witness.Time)
	}
}

// cosigners are transparency-dev/formats' cosignature/v1 verifiers of the witnesses' published keys.
func cosigners(t *testing.T, ws []witness) []note.Verifier {
	t.Helper()
	out := make([]note.Verifier, len(ws))
	for i, w := range ws {
		v, err := fnote.NewVerifierForCosignatureV1(w.Vkey)
		if err != nil {
			t.Fatalf("witness key %s: %v", w.Vkey, err)
		}
		out[i] = v
	}
	return out
}

// checkCosigned opens a note with the log's key and every witness's, and wants each signature verified
// and each cosignature stating the witness's time.
func checkCosigned(t *testing.T, origin, logKey, msg string, ws []witness) {
	t.Helper()
	vs := cosigners(t, ws)
	_, _, n := openNote(t, origin, logKey, msg, vs...)
	if len(n.Sigs) != 1+len(ws) || len(n.UnverifiedSigs) != 0 {
		t.Fatalf("want the log's signature and %d cosignatures verified, got %d verified, %d unknown",
			len(ws), len(n.Sigs), len(n.UnverifiedSigs))
	}
	for i, w := range ws {
		found := false
		for _, sig := range n.Sigs {
			if sig.Name != vs[i].Name() || sig.Hash != vs[i].KeyHash() {
				continue
			}
			found = true
			at, err := fnote.CoSigV1Timestamp(sig)
			if err != nil || at.Unix() != w.Time {
				t.Errorf("cosignature of %s states %v (%v), want %d", sig.Name, at.Unix(), err, w.Time)
			}
		}
		if !found {
			t.Errorf("no verified cosignature of %s", vs[i].Name())
		}
	}
}

func TestCosignaturesWithTransparencyDevFormats(t *testing.T) {
	f := load(t)
	checkCosigned(t, f.Origin, f.LogVerifierKey, f.Cosigned.Note, f.Cosigned.Witnesses)
	log, err := note.NewVerifier(f.LogVerifierKey)
	if err != nil {
		t.Fatal(err)
	}
	verifiers := note.VerifierList(append([]note.Verifier{log}, cosigners(t, f.Cosigned.Witnesses)...)...)
	for _, r := range f.Cosigned.Refused {
		_, err := note.Open([]byte(r.Note), verifiers)
		var invalid *note.InvalidSignatureError
		if !errors.As(err, &invalid) || invalid.Name != r.Witness {
			t.Errorf("%s: want an invalid signature by %s, got %v", r.What, r.Witness, err)
		}
	}
}

// TestServedCheckpoint checks a note a running deployment served (skipped without TLOG_INTEROP_SERVED).
func TestServedCheckpoint(t *testing.T) {
	path := os.Getenv("TLOG_INTEROP_SERVED")
	if path == "" {
		t.Skip("TLOG_INTEROP_SERVED is not set: test/medium/cosignatures.medium.spec.ts sets it")
	}
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var s served
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	checkCosigned(t, s.Origin, s.LogVerifierKey, s.Note, s.Witnesses)
}
