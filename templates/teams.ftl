<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "team-macros.ftl" as tmm>
<#-- Owner teams, each with its lead, chat channel and GitHub team (from standards/teams.yaml, when
     the repository has it) and its products, their phase and readiness. Anchors: id="team-<team id>".
     A card lists the team's first team_first_products products; a team with more has a page of its own
     (teams/<id>.html, team.ftl). -->
<@layout.page title=t['teams.title']>
<div class="page-head">
  <h1>${t['teams.title']}</h1>
  <p class="lead">${t['teams.intro']}</p>
</div>
<#if !teams?has_content>
<p class="notice">${t['empty.products']} <a href="${root}guides/editing.html">${t['empty.products_guide']}</a></p>
<#else>
<nav class="toc" aria-label="${t['teams.title']}">
  <ul><#list teams as tm><li><a href="#team-${tm.id}">${tm.name}</a></li></#list></ul>
</nav>
<div class="team-grid">
<#list teams as tm>
<@tmm.card tm=tm limit=team_first_products/>
</#list>
</div>
</#if>
</@layout.page>
