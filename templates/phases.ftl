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
    <a href="${root}standard/items.html#overview">${ph.items_required} ${t['phases.items_required']}</a>
    <span aria-hidden="true">·</span>
    <a href="${root}standard/checklist.html">${ph.checks_required} ${t['phases.checks_required']}</a>
  </p>
</section>
</#list>
</@layout.page>
