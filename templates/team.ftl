<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#import "team-macros.ftl" as tmm>
<#-- One owner team with every one of its products (teams/<id>.html): teams.html lists the first few. -->
<@layout.page title=team.name>
<div class="page-head">
  <h1>${team.name}</h1>
  <p class="lead"><a href="${root}teams.html#team-${team.id}">${t['teams.title']}</a></p>
</div>
<@tmm.card tm=team/>
</@layout.page>
