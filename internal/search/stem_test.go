package search

import "testing"

func TestStem(t *testing.T) {
	tests := []struct{ in, want string }{
		// step 1a
		{"caresses", "caress"}, {"ponies", "poni"}, {"caress", "caress"}, {"cats", "cat"},
		{"developers", "developer"}, {"skills", "skill"}, {"apis", "api"},
		// step 1b
		{"feed", "feed"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"bled", "bled"},
		{"motoring", "motor"}, {"sing", "sing"}, {"conflated", "conflat"}, {"troubled", "troubl"},
		{"sized", "size"}, {"hopping", "hop"}, {"tanned", "tan"}, {"falling", "fall"},
		{"hissing", "hiss"}, {"fizzed", "fizz"}, {"failing", "fail"}, {"filing", "file"},
		// step 1c
		{"happy", "happi"}, {"sky", "sky"}, {"companies", "compani"}, {"company", "compani"},
		// step 5
		{"probate", "probat"}, {"rate", "rate"}, {"cease", "ceas"}, {"controll", "control"}, {"roll", "roll"},
		// what a career site needs to meet
		{"caching", "cach"}, {"cache", "cach"}, {"cached", "cach"},
		{"engineering", "engineer"}, {"engineers", "engineer"},
		{"postgres", "postgr"}, {"postgre", "postgr"}, {"postgresql", "postgresql"},
		{"databases", "databas"}, {"database", "databas"},
		{"managing", "manag"}, {"managed", "manag"}, {"manage", "manag"}, {"manager", "manager"},
		{"roles", "role"}, {"role", "role"},
		// step 2
		{"relational", "relat"}, {"organization", "organiz"}, {"operator", "operat"}, {"nation", "nation"},
		{"certifications", "certificat"}, {"certificate", "certificat"}, {"certification", "certificat"},
		{"administrator", "administrat"}, {"administration", "administrat"}, {"automation", "automat"},
		{"development", "development"},
		// short words are left alone
		{"go", "go"}, {"is", "is"}, {"as", "as"},
	}
	for _, tt := range tests {
		if got := Stem(tt.in); got != tt.want {
			t.Errorf("Stem(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
