package config

import "log/slog"

// LogValue implements slog.LogValuer, so every slog handler logs a Secret
// redacted: the JSON handler (BRIEFBOT_LOG_FORMAT=json) would otherwise
// write the underlying string, as it does not call String.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// MarshalText implements encoding.TextMarshaler, so encoders that would
// write the underlying string (encoding/json, YAML) write the redacted
// form. Reveal is the only way to the value.
func (s Secret) MarshalText() ([]byte, error) { return []byte(s.String()), nil }
