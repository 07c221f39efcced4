<#ftl output_format="HTML">
<#import "layout.ftl" as layout>
<#-- The lifecycle phases in order, with what each promises customers and what it requires. -->
<@layout.page title=t['phases.title']>
<div class="page-head">
  <h1>${t['phases.title']}</h1>
  <p class="lead">${t['phases.intro']}</p>
  <p class="muted">${standard.name} · ${t['footer.version']} ${standard.version}<#if standard.owner?has_content> · ${t['standard.owner']}: ${standard.owner}</#if> · ${t['standard.review_interval']}: ${standard.review_interval}</p>
</div>

<ol class="phase-flow" aria-label="${t['phases.order']}">
  <#list standard.phases as ph>
  <li<#if ph.retirement> class="is-retirement"</#if>><a href="#${ph.id}"><span class="step">${ph?counter}</span> ${ph.name}</a></li>
  </#list>
</ol>

<#list standard.phases as ph>
<#assign phaseIndex = ph?index>
<#assign itemCount = 0>
<#list standard.categories as c><#list c.items as it><#list it.requirements as r>
  <#if r.phase == ph.id>
    <#assign maxReq = 0>
    <#list r.by_tier?values as v><#if (v > maxReq)><#assign maxReq = v></#if></#list>
    <#if (maxReq > 0)><#assign itemCount = itemCount + 1></#if>
  </#if>
</#list></#list></#list>
<#assign checkCount = 0>
<#list standard.security_categories as sc><#list sc.checks as chk>
  <#list standard.phases as q><#if q.id == chk.required_from && (q?index <= phaseIndex)><#assign checkCount = checkCount + 1></#if></#list>
</#list></#list>
<section class="phase-card<#if ph.retirement> is-retirement</#if>" id="${ph.id}" aria-labelledby="h-${ph.id}">
  <header>
    <span class="step step-lg" aria-hidden="true">${ph?counter}</span>
    <div>
      <h2 id="h-${ph.id}">${ph.name} <code class="id">${ph.id}</code></h2>
      <#if ph.retirement><p><@layout.pill text=t['phases.retirement'] kind="warn"/></p></#if>
    </div>
  </header>
  <div class="prose">${ph.description_html?no_esc}</div>
  <div class="promise">
    <h3>${t['phases.promise']}</h3>
    <p>${ph.customer_promise}</p>
  </div>
  <p class="phase-reqs">
    <a href="${root}standard/items.html#overview">${itemCount} ${t['phases.items_required']}</a>
    <span aria-hidden="true">·</span>
    <a href="${root}standard/checklist.html">${checkCount} ${t['phases.checks_required']}</a>
  </p>
</section>
</#list>
</@layout.page>
