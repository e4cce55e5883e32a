package cn.yjzf.statistics;

import cn.yjzf.inspection.Hazard;
import cn.yjzf.rectification.RectificationTrack;
import jakarta.persistence.EntityManagerFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hibernate.action.spi.AfterTransactionCompletionProcess;
import org.hibernate.action.spi.BeforeTransactionCompletionProcess;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.stereotype.Component;

/**
 * Sees every write of a hazard or a rectification track (Hibernate's post-insert/update/delete events: judging, manual
 * grading, issuing an order, every track transition, the overdue job, any future writer) and refreshes those hazards'
 * tally rows in the same transaction, as its last step before commit: a before-completion process of the Hibernate
 * session (the mechanism Hibernate Envers uses), which runs after the final flush, so every change is already in the
 * database and in the set. Listening at the persistence layer means no writer needs to know about statistics
 * (ArchitectureTest: nothing depends on it) and none can forget it. Writes that bypass JPA (plain SQL on these tables)
 * must call {@link HazardTally#refresh} themselves; there are none today, and the nightly check would report drift.
 */
@Component
class HazardTallyListener implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener {

    private final HazardTally tally;
    private final Map<EventSource, Set<Long>> pending = new ConcurrentHashMap<>();

    HazardTallyListener(EntityManagerFactory emf, HazardTally tally) {
        this.tally = tally;
        EventListenerRegistry registry = emf.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                .requireService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        touched(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        touched(event.getSession(), event.getEntity());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        touched(event.getSession(), event.getEntity());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void touched(EventSource session, Object entity) {
        Long hazardId = entity instanceof Hazard h ? h.getId()
                : entity instanceof RectificationTrack t ? t.getHazardId() : null;
        if (hazardId == null) {
            return;
        }
        pending.computeIfAbsent(session, s -> {
            s.getActionQueue().registerProcess((BeforeTransactionCompletionProcess) x -> {
                Set<Long> ids = pending.remove(s);
                if (ids != null) {
                    tally.refresh(ids);
                }
            });
            s.getActionQueue().registerProcess((AfterTransactionCompletionProcess) (success, x) -> pending.remove(s));
            return ConcurrentHashMap.newKeySet();
        }).add(hazardId);
    }
}
