package config_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"

	"github.com/briefbot/briefbot/config"
)

// TestSecretNeverPrints formats, logs and encodes a Secret every way the
// program might, and checks none shows its value.
func TestSecretNeverPrints(t *testing.T) {
	const value = "xoxb-SECRET-0a1b2c"
	s := config.Secret(value)
	holder := struct {
		Token config.Secret `json:"token" yaml:"token"`
	}{s}
	var jsonLog, textLog bytes.Buffer
	slog.New(slog.NewJSONHandler(&jsonLog, nil)).Info("m", "token", s, "any", any(s), "struct", holder)
	slog.New(slog.NewTextHandler(&textLog, nil)).Info("m", "token", s, "struct", holder)
	js, err := json.Marshal(holder)
	if err != nil {
		t.Fatal(err)
	}
	ys, err := yaml.Marshal(holder)
	if err != nil {
		t.Fatal(err)
	}
	outputs := map[string]string{
		"%v": fmt.Sprintf("%v", s), "%s": fmt.Sprintf("%s", s), "%q": fmt.Sprintf("%q", s), "%x": fmt.Sprintf("%x", s),
		"%#v": fmt.Sprintf("%#v", s), "%+v struct": fmt.Sprintf("%+v", holder), "%#v struct": fmt.Sprintf("%#v", holder),
		"error":     fmt.Errorf("connect with %v: %w", s, fmt.Errorf("refused")).Error(),
		"slog json": jsonLog.String(), "slog text": textLog.String(), "json": string(js), "yaml": string(ys),
	}
	for how, out := range outputs {
		if strings.Contains(out, value) || strings.Contains(out, "SECRET") || strings.Contains(out, fmt.Sprintf("%x", value)) {
			t.Errorf("%s shows the secret: %s", how, out)
		}
		if !strings.Contains(out, "redacted") && how != "%x" {
			t.Errorf("%s does not say the secret is redacted: %s", how, out)
		}
	}
	if s.Reveal() != value {
		t.Errorf("Reveal() = %q, want the value", s.Reveal())
	}
	if got := config.Secret("").String(); got != "" {
		t.Errorf("an unset secret prints %q, want \"\"", got)
	}
}
