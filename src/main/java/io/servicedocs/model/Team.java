package io.servicedocs.model;

import java.util.Optional;

/**
 * An owner team of standards/teams.yaml: the id Service Docs name in owners.team, the name the
 * site shows, who leads it, where to reach it and its GitHub team.
 *
 * @param description plain text, never AsciiDoc: a team's blurb needs no markup
 * @param githubTeam "organisation/team-slug", as CODEOWNERS names it without the '@'
 */
public record Team(String id, String name, Optional<String> description, Person lead, ChatChannel chat,
                   Optional<String> githubTeam) {
}
