package publish_test

import (
	"fmt"
	"testing"

	"github.com/privacy-as-code/ropa/generator/internal/publish/publishtest"
	"github.com/privacy-as-code/ropa/generator/internal/register"
)

// withTopics gives the sample two topics, in an order that is neither by id
// nor by name, and leaves one public activity without a topic.
func withTopics() *register.Register {
	reg := publishtest.Sample()
	tx := func(nl, en string) register.Text { return register.Text{"nl": nl, "en": en} }
	reg.Topics = map[string]*register.Topic{
		"safety":  {ID: "safety", Name: tx("Veiligheid", "Safety")},
		"account": {ID: "account", Name: tx("Je account", "Your account"), Description: tx("Over je account.", "About your account.")},
	}
	reg.Order = map[string][]string{"topics": {"safety", "account"}}
	for _, a := range reg.Activities {
		switch a.ID {
		case "fraud-prevention":
			a.Topic = "safety"
		case "account", "newsletter":
			a.Topic = "account"
		}
	}
	return reg
}

func TestTopicsGroupTheActivitiesInTheOrderOfTheirFile(t *testing.T) {
	nl, en := data(t, withTopics(), "nl"), data(t, withTopics(), "en")
	tests := []struct {
		view map[string]any
		path string
		want any
	}{
		{en, "topics.0.id", "safety"},
		{en, "topics.0.activities.0", "fraud-prevention"},
		{en, "topics.0.choices", 1.0},
		{en, "topics.1.name", "Your account"},
		{nl, "topics.1.name", "Je account"},
		{nl, "topics.1.description", "Over je account."},
		{en, "topics.1.activities.0", "account"}, // within a topic by id, the same in every language
		{nl, "topics.1.activities.1", "newsletter"},
		{en, "topics.2.id", ""},
		{en, "topics.2.name", "Other"},
		{nl, "topics.2.name", "Overig"},
		{en, "topics.2.activities.0", "accessibility-support"},
		{en, "topics.2.activities.1", "tax-records"},
		{en, "activity_order.0", "fraud-prevention"},
		{nl, "activity_order.4", "tax-records"},
		{en, "activities.newsletter.topic.name", "Your account"},
		{en, "activities.newsletter.topic.url", "activities/#topic-account"},
	}
	for _, tt := range tests {
		t.Run(tt.view["lang"].(string)+"/"+tt.path, func(t *testing.T) {
			if got := get(t, tt.view, tt.path); got != tt.want {
				t.Errorf("%s = %#v, want %#v", tt.path, got, tt.want)
			}
		})
	}
	// Without topics: one group without a name, by name as before.
	if got := fmt.Sprint(get(t, data(t, publishtest.Sample(), "en"), "topics.0.name")); got != "" {
		t.Errorf("without topics the group is named %q", got)
	}
}

func TestChoicesResolveWaysLinksAndTheirRight(t *testing.T) {
	reg := publishtest.Sample()
	tx := func(nl, en string) register.Text { return register.Text{"nl": nl, "en": en} }
	for _, a := range reg.Activities {
		if a.ID == "account" {
			a.Choices = append(a.Choices, register.Choice{
				Kind: "settings", Title: tx("Je gegevens downloaden", "Downloading your data"), Right: "portability",
				Effect: tx("Je krijgt een kopie.", "You get a copy."),
				Ways: []register.Way{
					{Platforms: []string{"android", "ios"}, Steps: []register.Step{{Text: tx("Open de app.", "Open the app."), Steps: register.StepsOf(tx("Tik op Profiel.", "Tap Profile."))}}},
					{Audience: tx("Leden", "Members"), Steps: register.StepsOf(tx("Log in.", "Log in."))},
				},
				Links: []register.Link{{URL: "https://klankwolk.example/download", Label: tx("Downloaden", "Download")}},
			})
			a.VisibleTo = &register.Visibility{To: "followers", Control: tx("Zet het uit.", "Switch it off.")}
		}
	}
	en := data(t, reg, "en")
	nl := data(t, reg, "nl")
	tests := []struct {
		view map[string]any
		path string
		want any
	}{
		{en, "activities.account.choices.1.right.id", "portability"},
		{en, "activities.account.choices.1.effect", "You get a copy."},
		{en, "activities.account.choices.1.ways.0.platforms.0.name", "iPhone and iPad"}, // in the order of the platforms
		{nl, "activities.account.choices.1.ways.0.platforms.1.name", "Android"},
		{en, "activities.account.choices.1.ways.0.steps.0.steps.0.text", "Tap Profile."},
		{nl, "activities.account.choices.1.ways.1.audience", "Leden"},
		{en, "activities.account.choices.1.links.0.label", "Download"},
		{en, "activities.account.choices.0.link", "https://klankwolk.example/account"},
		{en, "rights.4.id", "portability"},
		{en, "rights.4.choices.0.title", "Downloading your data"},
		{en, "visible.0.activity.id", "account"},
		{en, "visible.0.to_name", "People who follow you"},
		{nl, "visible.0.to_name", "Mensen die je volgen"},
		{nl, "visible.0.control", "Zet het uit."},
	}
	for _, tt := range tests {
		t.Run(tt.view["lang"].(string)+"/"+tt.path, func(t *testing.T) {
			if got := get(t, tt.view, tt.path); got != tt.want {
				t.Errorf("%s = %#v, want %#v", tt.path, got, tt.want)
			}
		})
	}
}
