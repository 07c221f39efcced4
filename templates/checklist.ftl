<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- The security checklist by category: from which phase each check is required, for which tiers. Anchors: id="<check id>". -->
<#assign tierNames = standard.tier_names>
<@layout.page title=t['checklist.title']>
<div class="page-head">
  <h1>${t['checklist.title']}</h1>
  <p class="lead">${t['checklist.intro']}</p>
</div>
<nav class="toc" aria-label="${t['items.categories']}">
  <ul><#list standard.security_categories as sc><#if sc.checks?has_content><li><a href="#sec-${sc.id}">${sc.title}</a></li></#if></#list></ul>
</nav>
<#list standard.security_categories as sc><#if sc.checks?has_content>
<section class="section" id="sec-${sc.id}">
  <h2>${sc.title}</h2>
  <#if sc.description?has_content><p class="lead-sm">${sc.description}</p></#if>
  <div class="check-list">
  <#list sc.checks as chk>
    <article class="check-card" id="${chk.id}" aria-labelledby="h-${chk.id}">
      <h3 id="h-${chk.id}">${chk.title} <code class="id">${chk.id}</code></h3>
      <p>${chk.description}</p>
      <dl class="facts facts-inline">
        <dt>${t['checklist.required_from']}</dt>
        <dd><a href="${root}standard/phases.html#${chk.required_from}">${chk.required_from_name}</a> ${t['checklist.and_later']}</dd>
        <dt>${t['checklist.tiers']}</dt>
        <dd><#if chk.tiers?has_content><#list chk.tiers as tr>${tr} (${tierNames[tr]!tr})<#sep>, </#sep></#list><#else>${t['checklist.all_tiers']}</#if></dd>
      </dl>
    </article>
  </#list>
  </div>
</section>
</#if></#list>
</@layout.page>
